package io.dbprovision.exporter.template;

import java.util.List;

/**
 * The immutable syntax tree. Statements ({@link Node}) make up template bodies; expressions ({@link
 * Expr}) are the operands of a pipeline's commands. Every node keeps its character offset so that
 * execution errors can name the line and column.
 */
sealed interface Node {

  int pos();

  record Text(int pos, String text) implements Node {}

  /**
   * {@code {{ pipeline }}}: prints the result unless the pipeline declares or assigns variables.
   */
  record Action(int pos, Pipeline pipeline) implements Node {}

  record If(int pos, Pipeline pipeline, List<Node> then, List<Node> otherwise) implements Node {}

  record With(int pos, Pipeline pipeline, List<Node> then, List<Node> otherwise) implements Node {}

  record Range(int pos, Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {}

  /** {@code {{ template "name" pipeline }}}; the pipeline may be null. */
  record TemplateCall(int pos, String name, Pipeline pipeline) implements Node {}

  record Break(int pos) implements Node {}

  record Continue(int pos) implements Node {}

  /**
   * Commands joined by {@code |}, optionally declaring ({@code :=}) or assigning ({@code =})
   * variables; {@code variables} is empty when neither.
   */
  record Pipeline(int pos, List<String> variables, boolean assign, List<Command> commands) {
    boolean declares() {
      return !variables.isEmpty();
    }
  }

  /** One stage of a pipeline: an operand, and arguments when the operand is a function. */
  record Command(int pos, int end, List<Expr> args) {}

  sealed interface Expr {
    int pos();
  }

  /** {@code .A.B} relative to dot. */
  record FieldExpr(int pos, List<String> fields) implements Expr {}

  /** {@code $x} or {@code $x.A.B}. */
  record VariableExpr(int pos, String name, List<String> fields) implements Expr {}

  /** {@code (pipeline).A.B} or {@code function.A}. */
  record ChainExpr(int pos, Expr base, List<String> fields) implements Expr {}

  record DotExpr(int pos) implements Expr {}

  record NilExpr(int pos) implements Expr {}

  /** A string, number, character or bool constant, already converted to its value. */
  record LiteralExpr(int pos, Object value, String text) implements Expr {}

  record FunctionExpr(int pos, String name, FunctionRegistry.Entry function) implements Expr {}

  record PipeExpr(int pos, Pipeline pipeline) implements Expr {}
}
