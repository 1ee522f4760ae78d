package io.datapipelines.runtime.python;

import org.python.antlr.PythonTree;
import org.python.antlr.Visitor;
import org.python.antlr.ast.Attribute;
import org.python.antlr.ast.ClassDef;
import org.python.antlr.ast.Exec;
import org.python.antlr.ast.FunctionDef;
import org.python.antlr.ast.Global;
import org.python.antlr.ast.Import;
import org.python.antlr.ast.ImportFrom;
import org.python.antlr.ast.Module;
import org.python.antlr.ast.Name;
import org.python.antlr.ast.alias;
import org.python.antlr.ast.arguments;
import org.python.antlr.ast.expr_contextType;
import org.python.antlr.base.expr;
import org.python.antlr.base.mod;
import org.python.antlr.base.stmt;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, from the source alone, a parameter that user code can never observe, so that the runtime may skip
 * building its value. Field steps call {@code transform(value, row)} with the whole record as a dict, and
 * many functions never look at {@code row}; converting it costs more than the call.
 *
 * <p>It answers only when that is certain: the module defines the function once, at top level, without
 * decorators, with plain parameters and no {@code *args}/{@code **kwargs}; nothing else binds that name; the
 * parameter's name appears nowhere else in the module; and the module uses none of the ways to reach a
 * frame's locals ({@code locals()}, {@code vars()}, {@code eval}, {@code exec}, {@code sys._getframe},
 * tracebacks' frames, {@code inspect}...). The caller also checks that the function it found after running
 * the module is the one defined on that line.
 */
final class UnusedParameter {
    /** Names whose use could reach a frame's locals, or run code the analysis cannot see. */
    private static final Set<String> REFLECTIVE_NAMES = Set.of("locals", "vars", "eval", "execfile", "globals", "dir",
            "__import__", "compile", "input", "reload", "exec", "inspect", "getattr", "setattr", "__builtins__", "__dict__");
    /** Attributes that lead to frames or to the function's own defaults and code. */
    private static final Set<String> REFLECTIVE_ATTRIBUTES = Set.of("_getframe", "f_locals", "f_back", "tb_frame", "gi_frame",
            "settrace", "setprofile", "__code__", "func_code", "__globals__", "func_globals", "__dict__");

    private UnusedParameter() {
    }

    /**
     * @return the line of the function's {@code def} when its parameter at {@code index} is certainly unused
     */
    static Optional<Integer> lineOfDefinitionIgnoring(mod module, String function, int index) {
        if (!(module instanceof Module m)) {
            return Optional.empty();
        }
        FunctionDef definition = null;
        for (stmt statement : m.getInternalBody()) {
            if (statement instanceof FunctionDef def && function.equals(def.getInternalName())) {
                if (definition != null) {
                    return Optional.empty(); // defined twice: which one runs depends on the code between
                }
                definition = def;
            }
        }
        if (definition == null || !definition.getInternalDecorator_list().isEmpty()) {
            return Optional.empty();
        }
        arguments args = definition.getInternalArgs();
        List<expr> parameters = args.getInternalArgs();
        if (args.getInternalVararg() != null || args.getInternalKwarg() != null || parameters.size() <= index
                || !(parameters.get(index) instanceof Name parameter)) {
            return Optional.empty();
        }
        Scan scan = new Scan(function, parameter);
        try {
            scan.visit(module);
        } catch (Exception e) {
            return Optional.empty(); // a tree the scan does not know: assume the worst
        }
        return scan.certain ? Optional.of(definition.getLineno()) : Optional.empty();
    }

    /** Walks the whole module; {@code certain} turns false at the first thing that could reach the parameter. */
    private static final class Scan extends Visitor {
        private final String function;
        private final Name parameter;
        boolean certain = true;

        Scan(String function, Name parameter) {
            this.function = function;
            this.parameter = parameter;
        }

        @Override
        public Object visitName(Name node) throws Exception {
            String id = node.getInternalId();
            if (node != parameter && id.equals(parameter.getInternalId())) {
                certain = false; // read, or another binding of the same name (a nested lambda's, say): too close to call
            }
            if (REFLECTIVE_NAMES.contains(id)) {
                certain = false;
            }
            if (id.equals(function) && node.getInternalCtx() != expr_contextType.Load) {
                certain = false; // the function's name rebound, deleted or used as a parameter
            }
            return super.visitName(node);
        }

        @Override
        public Object visitAttribute(Attribute node) throws Exception {
            if (REFLECTIVE_ATTRIBUTES.contains(node.getInternalAttr())) {
                certain = false;
            }
            return super.visitAttribute(node);
        }

        @Override
        public Object visitExec(Exec node) throws Exception {
            certain = false;
            return super.visitExec(node);
        }

        @Override
        public Object visitGlobal(Global node) throws Exception {
            if (node.getInternalNames() != null && node.getInternalNames().contains(function)) {
                certain = false;
            }
            return super.visitGlobal(node);
        }

        @Override
        public Object visitFunctionDef(FunctionDef node) throws Exception {
            if (node.getInternalName().equals(parameter.getInternalId())) {
                certain = false;
            }
            return super.visitFunctionDef(node);
        }

        @Override
        public Object visitClassDef(ClassDef node) throws Exception {
            if (node.getInternalName().equals(function) || node.getInternalName().equals(parameter.getInternalId())) {
                certain = false;
            }
            return super.visitClassDef(node);
        }

        @Override
        public Object visitImport(Import node) throws Exception {
            checkAliases(node.getInternalNames());
            return super.visitImport(node);
        }

        @Override
        public Object visitImportFrom(ImportFrom node) throws Exception {
            checkAliases(node.getInternalNames());
            if (node.getInternalModule() != null && node.getInternalModule().equals("inspect")) {
                certain = false;
            }
            return super.visitImportFrom(node);
        }

        private void checkAliases(List<alias> aliases) {
            for (alias a : aliases) {
                String bound = a.getInternalAsname() != null ? a.getInternalAsname() : a.getInternalName();
                if (bound.equals("*") || bound.equals(function) || bound.equals(parameter.getInternalId())
                        || REFLECTIVE_NAMES.contains(a.getInternalName()) || REFLECTIVE_ATTRIBUTES.contains(a.getInternalName())) {
                    certain = false;
                }
            }
        }

        @Override
        protected Object unhandled_node(PythonTree node) throws Exception {
            return this;
        }
    }
}
