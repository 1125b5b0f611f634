"""The training code imports downwards: no import circle, and the shared helpers import no script."""
import ast
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def local_imports():
    """{module: the training modules it imports}."""
    names = {f[:-3] for f in os.listdir(HERE) if f.endswith(".py")}
    graph = {}
    for name in names:
        with open(os.path.join(HERE, name + ".py"), encoding="utf-8") as f:
            tree = ast.parse(f.read())
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
        graph[name] = found & names
    return graph


def is_script(name):
    with open(os.path.join(HERE, name + ".py"), encoding="utf-8") as f:
        return 'if __name__ == "__main__":' in f.read()


class ImportTest(unittest.TestCase):
    def test_no_module_imports_itself_through_others(self):
        graph = local_imports()

        def reaches(start, goal, seen):
            for nxt in graph[start]:
                if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                    return True
            return False

        self.assertEqual([], sorted(m for m in graph if reaches(m, m, {m})))

    def test_the_shared_helpers_import_no_script(self):
        self.assertEqual([], sorted(m for m in local_imports()["common"] if is_script(m)))


if __name__ == "__main__":
    unittest.main()
