// Checks each document of the given YAML files against the JSON schema of its apiVersion and kind:
// types, required fields and enums, as the API server would. Unknown fields are not caught (the
// Kubernetes schemas allow them; the API server's strict field validation does not).
// Usage: node validate-k8s.mjs FILE...; exit status 1 when any document is invalid.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const MODULES = {
  'v1': 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
};

let invalid = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const resource = document.toJS();
    if (!resource) continue;
    const where = `${file}: ${resource.apiVersion} ${resource.kind} ${resource.metadata?.name}`;
    try {
      const module = MODULES[resource.apiVersion];
      if (!module) throw new Error(`no schema known for apiVersion ${resource.apiVersion}`);
      const Kind = (await import(module))[resource.kind];
      if (!Kind) throw new Error(`no kind ${resource.kind} in ${resource.apiVersion}`);
      new Kind(resource).validate();
      console.log(`valid: ${where}`);
    } catch (e) {
      invalid++;
      console.log(`INVALID: ${where}: ${e.message}`);
    }
  }
}
process.exit(invalid ? 1 : 0);
