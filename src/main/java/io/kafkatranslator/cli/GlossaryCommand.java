package io.kafkatranslator.cli;

import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.policy.PolicyTopic;
import picocli.CommandLine.Command;

/** The tenants' glossaries (README, "Glossaries and translation memory"). */
@Command(name = "glossary", sortOptions = false, description = {"Glossary terms as JSON lines: put and delete (stdin, one "
        + "{\"tenant\", \"pair\", \"term\", \"translation\"} a line; translation null: do not translate), or list."})
final class GlossaryCommand extends PolicyCommand {
    GlossaryCommand() {
        super(PolicyTopic.GLOSSARY, "term", ProcessorConfig::glossaryTopic);
    }
}
