package io.datapipelines.runtime.python;

import java.util.ArrayList;
import java.util.List;

import org.python.antlr.PythonTree;
import org.python.antlr.Visitor;
import org.python.antlr.ast.Assign;
import org.python.antlr.ast.AugAssign;
import org.python.antlr.ast.ClassDef;
import org.python.antlr.ast.ExceptHandler;
import org.python.antlr.ast.Exec;
import org.python.antlr.ast.For;
import org.python.antlr.ast.FunctionDef;
import org.python.antlr.ast.Global;
import org.python.antlr.ast.If;
import org.python.antlr.ast.Import;
import org.python.antlr.ast.ImportFrom;
import org.python.antlr.ast.Lambda;
import org.python.antlr.ast.Module;
import org.python.antlr.ast.Name;
import org.python.antlr.ast.TryExcept;
import org.python.antlr.ast.TryFinally;
import org.python.antlr.ast.Tuple;
import org.python.antlr.ast.While;
import org.python.antlr.ast.With;
import org.python.antlr.ast.alias;
import org.python.antlr.ast.arguments;
import org.python.antlr.base.excepthandler;
import org.python.antlr.base.expr;
import org.python.antlr.base.mod;
import org.python.antlr.base.stmt;
import org.python.core.PyException;

import io.datapipelines.model.PythonChecker;

/**
 * Checks user Python code with Jython, without running it: that it compiles with the
 * {@code __future__} flags user code always has, that its module level binds the name the step calls,
 * and that a function defined under that name can take the step's arguments. Found by the model through
 * {@link java.util.ServiceLoader}. Thread-safe: it keeps no state.
 */
public final class JythonPythonChecker implements PythonChecker {
    private static final String FILENAME = "<code>";

    public JythonPythonChecker() {
        // Jython starts lazily, on the first check: finding the service must stay cheap
    }

    @Override
    public List<CodeProblem> check(String code, String functionName) {
        return check(code, functionName, -1);
    }

    /**
     * @param code         the Python source
     * @param functionName the function the step calls ({@code filter} or {@code transform})
     * @param arity        how many positional arguments the step calls it with: 2 for field functions
     *                     ({@code (value, row)}), 1 for record functions ({@code (record)}), or -1 when
     *                     not known, in which case the function must accept 1 or 2
     * @return the problems, with 1-based line and column within the code; empty when the code is fine
     */
    @Override
    public List<CodeProblem> check(String code, String functionName, int arity) {
        JythonRuntime.ensureInitialized();
        mod tree;
        try {
            tree = PythonSource.parse(code, FILENAME);
            // compiling (to bytecode, not run) finds what the parser lets through: 'return' outside a
            // function, a misplaced 'yield', duplicate parameter names...
            PythonSource.compile(code, FILENAME);
        } catch (PyException e) {
            PythonErrors.rethrowUnrecoverable(e);
            return List.of(compileProblem(e));
        }
        if (!(tree instanceof Module module)) {
            return List.of();
        }
        Bindings bindings = new Bindings(functionName);
        bindings.scan(module.getInternalBody());
        if (!bindings.dynamic) {
            try {
                bindings.dynamicBindingFinder().visit(module);
            } catch (Exception e) {
                bindings.dynamic = true; // cannot tell: report nothing rather than something wrong
            }
        }
        List<CodeProblem> problems = new ArrayList<>();
        if (!bindings.bound && !bindings.dynamic) {
            problems.add(new CodeProblem(1, 1, "the code defines no function named '" + functionName + "'"));
        }
        for (Definition definition : bindings.definitions) {
            String problem = arityProblem(functionName, definition.parameters, arity);
            if (problem != null) {
                problems.add(new CodeProblem(Math.max(1, definition.node.getLineno()),
                        definition.node.getCol_offset() + 1, problem));
            }
        }
        return problems;
    }

    private static CodeProblem compileProblem(PyException e) {
        e.normalize();
        int line = PythonErrors.intAttribute(e.value, "lineno");
        // Jython's offset is 0-based
        int column = PythonErrors.intAttribute(e.value, "offset") + 1;
        return new CodeProblem(Math.max(1, line), Math.max(1, column), PythonErrors.syntaxErrorMessage(e));
    }

    /** Null when a function with these parameters can be called with {@code arity} positional arguments. */
    private static String arityProblem(String functionName, arguments parameters, int arity) {
        int total = parameters.getInternalArgs() == null ? 0 : parameters.getInternalArgs().size();
        int defaults = parameters.getInternalDefaults() == null ? 0 : parameters.getInternalDefaults().size();
        int required = total - defaults;
        boolean varargs = parameters.getInternalVararg() != null;
        boolean ok = arity >= 0 ? accepts(arity, required, total, varargs)
                : accepts(1, required, total, varargs) || accepts(2, required, total, varargs);
        if (ok) {
            return null;
        }
        String takes = total == required ? String.valueOf(required) : required + " to " + total;
        String calledWith = switch (arity) {
            case 1 -> "1 (record)";
            case 2 -> "2 (value, row)";
            case -1 -> "1 (record) or 2 (value, row)";
            default -> String.valueOf(arity);
        };
        return "function '" + functionName + "' takes " + takes + " positional argument" + (total == 1 && required == 1 ? "" : "s")
                + " but is called with " + calledWith;
    }

    private static boolean accepts(int arity, int required, int total, boolean varargs) {
        return arity >= required && (arity <= total || varargs);
    }

    /** A {@code def name(...)} or {@code name = lambda ...:} at module level. */
    private record Definition(PythonTree node, arguments parameters) {
    }

    /** What the module level binds to one name, looking into compound statements but not into functions or classes. */
    private static final class Bindings {
        final String name;
        boolean bound;
        /** The name may be bound in a way this cannot follow ({@code from x import *}, {@code exec}, {@code global}). */
        boolean dynamic;
        final List<Definition> definitions = new ArrayList<>();

        Bindings(String name) {
            this.name = name;
        }

        void scan(List<stmt> body) {
            if (body == null) {
                return;
            }
            for (stmt statement : body) {
                scan(statement);
            }
        }

        private void scan(stmt statement) {
            if (statement instanceof FunctionDef def) {
                if (name.equals(def.getInternalName())) {
                    bound = true;
                    definitions.add(new Definition(def, def.getInternalArgs()));
                }
            } else if (statement instanceof ClassDef c) {
                bound |= name.equals(c.getInternalName());
            } else if (statement instanceof Assign assign) {
                List<expr> targets = assign.getInternalTargets();
                for (expr target : targets) {
                    bindTarget(target);
                }
                if (targets.size() == 1 && targets.get(0) instanceof Name target && name.equals(target.getInternalId())
                        && assign.getInternalValue() instanceof Lambda lambda) {
                    definitions.add(new Definition(lambda, lambda.getInternalArgs()));
                }
            } else if (statement instanceof AugAssign augmented) {
                bindTarget(augmented.getInternalTarget());
            } else if (statement instanceof Import importStatement) {
                for (alias imported : importStatement.getInternalNames()) {
                    String asName = imported.getInternalAsname();
                    // "import a.b" binds "a"
                    bound |= name.equals(asName != null ? asName : imported.getInternalName().split("\\.")[0]);
                }
            } else if (statement instanceof ImportFrom importFrom) {
                for (alias imported : importFrom.getInternalNames()) {
                    if ("*".equals(imported.getInternalName())) {
                        dynamic = true;
                    }
                    String asName = imported.getInternalAsname();
                    bound |= name.equals(asName != null ? asName : imported.getInternalName());
                }
            } else if (statement instanceof If s) {
                scan(s.getInternalBody());
                scan(s.getInternalOrelse());
            } else if (statement instanceof For s) {
                bindTarget(s.getInternalTarget());
                scan(s.getInternalBody());
                scan(s.getInternalOrelse());
            } else if (statement instanceof While s) {
                scan(s.getInternalBody());
                scan(s.getInternalOrelse());
            } else if (statement instanceof With s) {
                bindTarget(s.getInternalOptional_vars());
                scan(s.getInternalBody());
            } else if (statement instanceof TryExcept s) {
                scan(s.getInternalBody());
                for (excepthandler handler : s.getInternalHandlers()) {
                    if (handler instanceof ExceptHandler h) {
                        bindTarget(h.getInternalName());
                        scan(h.getInternalBody());
                    }
                }
                scan(s.getInternalOrelse());
            } else if (statement instanceof TryFinally s) {
                scan(s.getInternalBody());
                scan(s.getInternalFinalbody());
            } else if (statement instanceof Exec) {
                dynamic = true;
            }
        }

        private void bindTarget(expr target) {
            if (target instanceof Name n) {
                bound |= name.equals(n.getInternalId());
            } else if (target instanceof Tuple t) {
                t.getInternalElts().forEach(this::bindTarget);
            } else if (target instanceof org.python.antlr.ast.List l) {
                l.getInternalElts().forEach(this::bindTarget);
            }
        }

        /** Looks everywhere, functions included, for {@code global name} and {@code exec}. */
        Visitor dynamicBindingFinder() {
            return new Visitor() {
                @Override
                public Object visitGlobal(Global node) throws Exception {
                    if (node.getInternalNames() != null && node.getInternalNames().contains(name)) {
                        dynamic = true;
                    }
                    return super.visitGlobal(node);
                }

                @Override
                public Object visitExec(Exec node) throws Exception {
                    dynamic = true;
                    return super.visitExec(node);
                }
            };
        }
    }
}
