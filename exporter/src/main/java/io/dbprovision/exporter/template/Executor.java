package io.dbprovision.exporter.template;

import static io.dbprovision.exporter.template.GoValues.NO_VALUE;

import io.dbprovision.exporter.template.Node.Action;
import io.dbprovision.exporter.template.Node.Break;
import io.dbprovision.exporter.template.Node.ChainExpr;
import io.dbprovision.exporter.template.Node.Command;
import io.dbprovision.exporter.template.Node.Continue;
import io.dbprovision.exporter.template.Node.DotExpr;
import io.dbprovision.exporter.template.Node.Expr;
import io.dbprovision.exporter.template.Node.FieldExpr;
import io.dbprovision.exporter.template.Node.FunctionExpr;
import io.dbprovision.exporter.template.Node.If;
import io.dbprovision.exporter.template.Node.LiteralExpr;
import io.dbprovision.exporter.template.Node.NilExpr;
import io.dbprovision.exporter.template.Node.PipeExpr;
import io.dbprovision.exporter.template.Node.Pipeline;
import io.dbprovision.exporter.template.Node.Range;
import io.dbprovision.exporter.template.Node.TemplateCall;
import io.dbprovision.exporter.template.Node.Text;
import io.dbprovision.exporter.template.Node.VariableExpr;
import io.dbprovision.exporter.template.Node.With;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One execution of a parsed template: Go's {@code exec.go} semantics over plain Java data. Holds
 * the output and the variable stack, so it is created per call and never shared.
 */
final class Executor {
  /** Deeper {@code template} recursion than this is an error rather than a stack overflow. */
  static final int MAX_DEPTH = 200;

  /** One rendering may not write more characters than this (a runaway range, say). */
  static final int MAX_OUTPUT = 1 << 22;

  /** How a list of nodes ended: normally, or by {@code {{break}}}/{@code {{continue}}}. */
  private enum Flow {
    NORMAL,
    BREAK,
    CONTINUE
  }

  /** "No value from a previous pipeline stage", as opposed to a stage that produced nil. */
  private static final Object NO_FINAL = new Object();

  private final Source source;
  private final Map<String, List<Node>> defined;
  private final StringBuilder out;
  private final int outputLimit;
  private String[] varNames = new String[8];
  private Object[] varValues = new Object[8];
  private int varCount;
  private int scopeBase;
  private int depth;

  Executor(Source source, Map<String, List<Node>> defined, StringBuilder out) {
    this.source = source;
    this.defined = defined;
    this.out = out;
    this.outputLimit = out.length() + MAX_OUTPUT;
  }

  void run(List<Node> root, Object data) {
    Object dot = data == null ? NO_VALUE : data;
    push("$", dot);
    walk(root, dot);
  }

  private Flow walk(List<Node> nodes, Object dot) {
    for (int i = 0, n = nodes.size(); i < n; i++) {
      Flow flow = walk(nodes.get(i), dot);
      if (flow != Flow.NORMAL) {
        return flow;
      }
    }
    return Flow.NORMAL;
  }

  private Flow walk(Node node, Object dot) {
    if (node instanceof Text text) {
      out.append(text.text());
      checkOutputSize(text.pos());
    } else if (node instanceof Action action) {
      Object value = evalPipeline(dot, action.pipeline());
      if (!action.pipeline().declares()) {
        print(value);
        checkOutputSize(action.pos());
      }
    } else if (node instanceof If n) {
      return walkIfOrWith(dot, n.pipeline(), n.then(), n.otherwise(), false);
    } else if (node instanceof With n) {
      return walkIfOrWith(dot, n.pipeline(), n.then(), n.otherwise(), true);
    } else if (node instanceof Range range) {
      return walkRange(dot, range);
    } else if (node instanceof TemplateCall call) {
      walkTemplate(dot, call);
    } else if (node instanceof Break) {
      return Flow.BREAK;
    } else if (node instanceof Continue) {
      return Flow.CONTINUE;
    }
    return Flow.NORMAL;
  }

  private void checkOutputSize(int pos) {
    if (out.length() > outputLimit) {
      throw source.execError(pos, "output exceeds " + MAX_OUTPUT + " characters");
    }
  }

  private void print(Object value) {
    if (value == NO_VALUE || value == null) {
      out.append("<no value>");
    } else {
      GoFmt.appendValue(out, value);
    }
  }

  private Flow walkIfOrWith(
      Object dot, Pipeline pipeline, List<Node> then, List<Node> otherwise, boolean with) {
    int mark = varCount;
    Object value = evalPipeline(dot, pipeline);
    Flow flow = Flow.NORMAL;
    if (GoValues.truth(value)) {
      flow = walk(then, with ? value : dot);
    } else if (otherwise != null) {
      flow = walk(otherwise, dot);
    }
    varCount = mark;
    return flow;
  }

  private Flow walkRange(Object dot, Range range) {
    int mark = varCount;
    Pipeline pipeline = range.pipeline();
    Object value = evalPipeline(dot, pipeline);
    int inner = varCount;
    boolean iterated = false;
    Flow flow = Flow.NORMAL;
    switch (GoValues.kind(value)) {
      case SLICE -> {
        List<?> items = GoValues.elements(value);
        for (int i = 0; i < items.size(); i++) {
          iterated = true;
          Object item = items.get(i);
          // Go's index is an int.
          if (step(pipeline, inner, i, item, range.body(), item) == Flow.BREAK) {
            break;
          }
        }
      }
      case MAP -> {
        Map<?, ?> map = (Map<?, ?>) value;
        for (String key : GoValues.sortedKeys(map)) {
          iterated = true;
          Object item = map.get(key);
          if (step(pipeline, inner, key, item, range.body(), item) == Flow.BREAK) {
            break;
          }
        }
      }
      case INT -> {
        if (pipeline.variables().size() > 1) {
          throw source.execError(
              range.pos(), "can't use " + value + " to iterate over more than one variable");
        }
        // The values have the type of the bound: int for a literal, int64 from arithmetic.
        boolean asInt = value instanceof Integer;
        long n = ((Number) value).longValue();
        for (long i = 0; i < n; i++) {
          iterated = true;
          Object v = asInt ? (Object) (int) i : (Object) i;
          if (step(pipeline, inner, v, v, range.body(), v) == Flow.BREAK) {
            break;
          }
        }
      }
      case INVALID, NIL -> {
        // Go: ranging over nothing is not an error; the else branch runs.
      }
      default ->
          throw source.execError(range.pos(), "range can't iterate over " + GoFmt.toString(value));
    }
    if (!iterated && range.otherwise() != null) {
      flow = walk(range.otherwise(), dot);
    }
    varCount = mark;
    return flow;
  }

  private Flow step(
      Pipeline pipeline, int inner, Object index, Object item, List<Node> body, Object dot) {
    List<String> variables = pipeline.variables();
    if (!variables.isEmpty()) {
      if (pipeline.assign()) {
        if (variables.size() > 1) {
          setVar(variables.get(0), index, pipeline.pos());
          setVar(variables.get(1), item, pipeline.pos());
        } else {
          setVar(variables.get(0), item, pipeline.pos());
        }
      } else {
        varValues[inner - 1] = item;
        if (variables.size() > 1) {
          varValues[inner - 2] = index;
        }
      }
    }
    Flow flow = walk(body, dot);
    varCount = inner;
    return flow;
  }

  private void walkTemplate(Object dot, TemplateCall call) {
    List<Node> body = defined.get(call.name());
    if (body == null) {
      throw source.execError(call.pos(), "no such template \"" + call.name() + "\"");
    }
    if (depth >= MAX_DEPTH) {
      throw source.execError(call.pos(), "exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    Object newDot = call.pipeline() == null ? NO_VALUE : evalPipeline(dot, call.pipeline());
    int savedCount = varCount;
    int savedBase = scopeBase;
    scopeBase = varCount;
    push("$", newDot);
    depth++;
    walk(body, newDot);
    depth--;
    scopeBase = savedBase;
    varCount = savedCount;
  }

  private Object evalPipeline(Object dot, Pipeline pipeline) {
    Object value = NO_FINAL;
    List<Command> commands = pipeline.commands();
    for (int i = 0, n = commands.size(); i < n; i++) {
      value = evalCommand(dot, commands.get(i), value);
      if (value == null) {
        // Go unwraps an interface holding nil into "no value" between stages.
        value = NO_VALUE;
      }
    }
    List<String> variables = pipeline.variables();
    for (int i = 0; i < variables.size(); i++) {
      if (pipeline.assign()) {
        setVar(variables.get(i), value, pipeline.pos());
      } else {
        push(variables.get(i), value);
      }
    }
    return value;
  }

  private Object evalCommand(Object dot, Command command, Object fin) {
    Expr first = command.args().get(0);
    if (first instanceof FieldExpr field) {
      return evalFieldChain(dot, field.fields(), command, fin, field.pos());
    }
    if (first instanceof FunctionExpr function) {
      return evalCall(dot, function, command, fin);
    }
    if (first instanceof VariableExpr variable) {
      Object value = lookup(variable);
      if (variable.fields().isEmpty()) {
        notAFunction(command, fin);
        return value;
      }
      return evalFieldChain(value, variable.fields(), command, fin, variable.pos());
    }
    if (first instanceof ChainExpr chain) {
      Object base = chainBase(dot, chain);
      return evalFieldChain(base, chain.fields(), command, fin, chain.pos());
    }
    notAFunction(command, fin);
    if (first instanceof PipeExpr pipe) {
      return evalPipeline(dot, pipe.pipeline());
    }
    if (first instanceof LiteralExpr literal) {
      return literal.value();
    }
    if (first instanceof DotExpr) {
      return dot;
    }
    throw error(first.pos(), command, "nil is not a command");
  }

  private Object chainBase(Object dot, ChainExpr chain) {
    if (chain.base() instanceof NilExpr) {
      throw source.execError(chain.pos(), "indirection through explicit nil");
    }
    return evalOperand(dot, chain.base());
  }

  private void notAFunction(Command command, Object fin) {
    if (command.args().size() > 1 || fin != NO_FINAL) {
      throw error(
          command.args().get(0).pos(),
          command,
          "can't give argument to non-function " + text(command.args().get(0)));
    }
  }

  private Object evalFieldChain(
      Object receiver, List<String> fields, Command command, Object fin, int pos) {
    int last = fields.size() - 1;
    for (int i = 0; i < last; i++) {
      receiver = evalField(receiver, fields.get(i), false, command, pos);
    }
    boolean hasArgs = command != null && (command.args().size() > 1 || fin != NO_FINAL);
    return evalField(receiver, fields.get(last), hasArgs, command, pos);
  }

  private Object evalField(
      Object receiver, String name, boolean hasArgs, Command command, int pos) {
    if (receiver == NO_VALUE) {
      return NO_VALUE;
    }
    if (receiver == null) {
      throw error(pos, command, "nil pointer evaluating interface {}." + name);
    }
    if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw error(pos, command, name + " is not a method but has arguments");
      }
      Object value = map.get(name);
      if (value == null && !map.containsKey(name)) {
        return NO_VALUE;
      }
      return value;
    }
    throw error(
        pos, command, "can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
  }

  /** An operand's value as Go computes it, keeping "no value" distinct from nil. */
  private Object evalOperand(Object dot, Expr expr) {
    if (expr instanceof FieldExpr field) {
      return evalFieldChain(dot, field.fields(), null, NO_FINAL, field.pos());
    }
    if (expr instanceof VariableExpr variable) {
      Object value = lookup(variable);
      return variable.fields().isEmpty()
          ? value
          : evalFieldChain(value, variable.fields(), null, NO_FINAL, variable.pos());
    }
    if (expr instanceof LiteralExpr literal) {
      return literal.value();
    }
    if (expr instanceof DotExpr) {
      return dot;
    }
    if (expr instanceof PipeExpr pipe) {
      return evalPipeline(dot, pipe.pipeline());
    }
    if (expr instanceof FunctionExpr function) {
      return evalCall(dot, function, null, NO_FINAL);
    }
    if (expr instanceof ChainExpr chain) {
      return evalFieldChain(chainBase(dot, chain), chain.fields(), null, NO_FINAL, chain.pos());
    }
    return null;
  }

  private Object evalCall(Object dot, FunctionExpr function, Command command, Object fin) {
    FunctionRegistry.Entry entry = function.function();
    int explicit = command == null ? 0 : command.args().size() - 1;
    int argc = explicit + (fin != NO_FINAL ? 1 : 0);
    checkArity(entry, argc, function.pos(), command);
    if (entry.evaluation() != FunctionRegistry.Evaluation.EAGER) {
      boolean or = entry.evaluation() == FunctionRegistry.Evaluation.OR;
      Object value = null;
      for (int i = 1; i <= explicit; i++) {
        value = GoValues.arg(evalOperand(dot, command.args().get(i)));
        if (GoValues.truth(value) == or) {
          return value;
        }
      }
      return fin != NO_FINAL ? GoValues.arg(fin) : value;
    }
    Object[] args = argc == 0 ? NO_ARGS : new Object[argc];
    for (int i = 0; i < explicit; i++) {
      args[i] = GoValues.arg(evalOperand(dot, command.args().get(i + 1)));
    }
    if (fin != NO_FINAL) {
      args[argc - 1] = GoValues.arg(fin);
    }
    try {
      return entry.function().apply(args);
    } catch (TemplateException e) {
      throw e;
    } catch (WrongArgument e) {
      throw error(function.pos(), command, e.getMessage());
    } catch (RuntimeException e) {
      throw error(function.pos(), command, "error calling " + entry.name() + ": " + describe(e));
    } catch (Exception e) {
      throw error(function.pos(), command, "error calling " + entry.name() + ": " + describe(e));
    }
  }

  private static final Object[] NO_ARGS = new Object[0];

  private static String describe(Exception e) {
    if (e instanceof ArithmeticException) {
      return "runtime error: integer divide by zero";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void checkArity(FunctionRegistry.Entry entry, int argc, int pos, Command command) {
    if (entry.maxArgs() == FunctionRegistry.VARIADIC) {
      if (argc < entry.minArgs()) {
        throw error(
            pos,
            command,
            "wrong number of args for "
                + entry.name()
                + ": want at least "
                + entry.minArgs()
                + " got "
                + argc);
      }
    } else if (argc < entry.minArgs() || argc > entry.maxArgs()) {
      String want =
          entry.minArgs() == entry.maxArgs()
              ? Integer.toString(entry.minArgs())
              : entry.minArgs() + " to " + entry.maxArgs();
      throw error(
          pos,
          command,
          "wrong number of args for " + entry.name() + ": want " + want + " got " + argc);
    }
  }

  private Object lookup(VariableExpr variable) {
    String name = variable.name();
    for (int i = varCount - 1; i >= scopeBase; i--) {
      if (varNames[i].equals(name)) {
        return varValues[i];
      }
    }
    throw source.execError(variable.pos(), "undefined variable: " + name);
  }

  private void setVar(String name, Object value, int pos) {
    for (int i = varCount - 1; i >= scopeBase; i--) {
      if (varNames[i].equals(name)) {
        varValues[i] = value;
        return;
      }
    }
    throw source.execError(pos, "undefined variable: " + name);
  }

  private void push(String name, Object value) {
    if (varCount == varNames.length) {
      varNames = Arrays.copyOf(varNames, varCount * 2);
      varValues = Arrays.copyOf(varValues, varCount * 2);
    }
    varNames[varCount] = name;
    varValues[varCount] = value;
    varCount++;
  }

  private TemplateException error(int pos, Command command, String detail) {
    if (command == null) {
      return source.execError(pos, detail);
    }
    String at = source.text().substring(command.pos(), command.end()).strip();
    return source.execError(pos, "executing <" + at + ">: " + detail);
  }

  private String text(Expr expr) {
    if (expr instanceof LiteralExpr literal) {
      return literal.text();
    }
    if (expr instanceof DotExpr) {
      return ".";
    }
    if (expr instanceof NilExpr) {
      return "nil";
    }
    return "(pipeline)";
  }
}
