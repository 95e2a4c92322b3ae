package io.dbprovision.exporter.template;

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
import io.dbprovision.exporter.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser following Go's {@code text/template/parse}: the same grammar, the same
 * variable scoping (a variable lives until the {@code end} of the control structure that declares
 * it) and the same parse-time checks (undefined functions and variables, misplaced {@code else},
 * {@code end}, {@code break} and {@code continue}).
 */
final class Parser {
  /** The result: the main body and the {@code define}d templates by name. */
  record Parsed(List<Node> root, Map<String, List<Node>> defined) {}

  private final Source source;
  private final FunctionRegistry functions;
  private final List<Token> tokens;
  private final Map<String, List<Node>> defined = new LinkedHashMap<>();
  private final List<String> vars = new ArrayList<>();
  private int index;
  private int rangeDepth;

  private Parser(Source source, FunctionRegistry functions) {
    this.source = source;
    this.functions = functions;
    this.tokens = Lexer.lex(source);
    vars.add("$");
  }

  static Parsed parse(Source source, FunctionRegistry functions) {
    return new Parser(source, functions).parseTop();
  }

  private Parsed parseTop() {
    List<Node> root = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      if (peek().kind() == Kind.LEFT_DELIM && peekAfterDelim().kind() == Kind.DEFINE) {
        next();
        nextNonSpace();
        parseDefinition();
        continue;
      }
      Object item = textOrAction();
      if (item instanceof Terminator t) {
        throw source.parseError(t.pos(), "unexpected {{" + t.word() + "}}");
      }
      root.add((Node) item);
    }
    return new Parsed(List.copyOf(root), Map.copyOf(defined));
  }

  /** {@code {{end}}} or {@code {{else}}} closing a list; {@code elseKeyword} for else-if/with. */
  private record Terminator(int pos, String word, Kind elseKeyword) {}

  private record ItemList(List<Node> nodes, Terminator end) {}

  private void parseDefinition() {
    Token name = nextNonSpace();
    String templateName = templateName(name, "define clause");
    expect(Kind.RIGHT_DELIM, "define clause");
    // A definition is a template of its own: it sees only "$", never the caller's variables.
    List<String> outer = List.copyOf(vars);
    vars.clear();
    vars.add("$");
    ItemList body = itemList();
    if (!body.end().word().equals("end")) {
      throw source.parseError(body.end().pos(), "unexpected {{else}} in define clause");
    }
    defined.put(templateName, body.nodes());
    vars.clear();
    vars.addAll(outer);
  }

  private ItemList itemList() {
    List<Node> nodes = new ArrayList<>();
    while (true) {
      if (peek().kind() == Kind.EOF) {
        throw source.parseError(peek().pos(), "unexpected EOF");
      }
      Object item = textOrAction();
      if (item instanceof Terminator t) {
        return new ItemList(List.copyOf(nodes), t);
      }
      nodes.add((Node) item);
    }
  }

  /** A node, or a {@link Terminator} for {@code {{end}}}/{@code {{else}}}. */
  private Object textOrAction() {
    Token token = next();
    return switch (token.kind()) {
      case TEXT -> new Text(token.pos(), token.text());
      case LEFT_DELIM -> action();
      default -> throw unexpected(token, "input");
    };
  }

  private Object action() {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case BLOCK:
        return blockControl(token);
      case BREAK:
      case CONTINUE:
        {
          if (rangeDepth == 0) {
            throw source.parseError(token.pos(), "{{" + token.text() + "}} outside {{range}}");
          }
          expect(Kind.RIGHT_DELIM, token.text());
          return token.kind() == Kind.BREAK ? new Break(token.pos()) : new Continue(token.pos());
        }
      case ELSE:
        {
          Token peek = peekNonSpace();
          if (peek.kind() == Kind.IF || peek.kind() == Kind.WITH) {
            nextNonSpace();
            return new Terminator(token.pos(), "else", peek.kind());
          }
          expect(Kind.RIGHT_DELIM, "else");
          return new Terminator(token.pos(), "else", null);
        }
      case END:
        expect(Kind.RIGHT_DELIM, "end");
        return new Terminator(token.pos(), "end", null);
      case IF:
        return control(token, "if");
      case RANGE:
        return control(token, "range");
      case WITH:
        return control(token, "with");
      case TEMPLATE:
        return templateControl(token);
      case DEFINE:
        throw source.parseError(token.pos(), "unexpected <define> in command");
      default:
        index--;
        return new Action(token.pos(), pipeline("command", Kind.RIGHT_DELIM));
    }
  }

  private Node control(Token keyword, String context) {
    int mark = vars.size();
    try {
      Pipeline pipeline = pipeline(context, Kind.RIGHT_DELIM);
      if (context.equals("range")) {
        rangeDepth++;
      }
      ItemList body = itemList();
      if (context.equals("range")) {
        rangeDepth--;
      }
      List<Node> otherwise = null;
      Terminator end = body.end();
      if (end.word().equals("else")) {
        if (end.elseKeyword() != null) {
          boolean chains =
              (context.equals("if") && end.elseKeyword() == Kind.IF)
                  || (context.equals("with") && end.elseKeyword() == Kind.WITH);
          if (!chains) {
            throw source.parseError(
                end.pos(), "unexpected else " + keywordName(end) + " in " + context);
          }
          // "{{else if ...}}" is "{{else}}{{if ...}}...{{end}}" sharing the outer {{end}}.
          Token chained = tokens.get(index - 1);
          otherwise = List.of(control(chained, context));
        } else {
          ItemList elseList = itemList();
          if (!elseList.end().word().equals("end")) {
            throw source.parseError(elseList.end().pos(), "expected end; found {{else}}");
          }
          otherwise = elseList.nodes();
        }
      }
      return switch (context) {
        case "if" -> new If(keyword.pos(), pipeline, body.nodes(), otherwise);
        case "with" -> new With(keyword.pos(), pipeline, body.nodes(), otherwise);
        default -> new Range(keyword.pos(), pipeline, body.nodes(), otherwise);
      };
    } finally {
      popVars(mark);
    }
  }

  private static String keywordName(Terminator end) {
    return end.elseKeyword() == Kind.IF ? "if" : "with";
  }

  private Node templateControl(Token keyword) {
    String name = templateName(nextNonSpace(), "template clause");
    Pipeline pipeline = null;
    if (peekNonSpace().kind() != Kind.RIGHT_DELIM) {
      pipeline = pipeline("template clause", Kind.RIGHT_DELIM);
    } else {
      nextNonSpace();
    }
    return new TemplateCall(keyword.pos(), name, pipeline);
  }

  /** {@code {{block "name" pipeline}}...{{end}}}: define the body and call it right here. */
  private Node blockControl(Token keyword) {
    String name = templateName(nextNonSpace(), "block clause");
    int mark = vars.size();
    Pipeline pipeline = pipeline("block clause", Kind.RIGHT_DELIM);
    popVars(mark);
    List<String> outer = List.copyOf(vars);
    int outerRangeDepth = rangeDepth;
    vars.clear();
    vars.add("$");
    rangeDepth = 0;
    ItemList body = itemList();
    if (!body.end().word().equals("end")) {
      throw source.parseError(body.end().pos(), "unexpected {{else}} in block clause");
    }
    vars.clear();
    vars.addAll(outer);
    rangeDepth = outerRangeDepth;
    defined.put(name, body.nodes());
    return new TemplateCall(keyword.pos(), name, pipeline);
  }

  private String templateName(Token token, String context) {
    if (token.kind() == Kind.STRING || token.kind() == Kind.RAW_STRING) {
      return unquote(token);
    }
    throw unexpected(token, context);
  }

  private Pipeline pipeline(String context, Kind end) {
    Token first = peekNonSpace();
    List<String> declared = new ArrayList<>(2);
    boolean assign = false;
    int start = index;
    skipSpaces();
    while (peek().kind() == Kind.VARIABLE) {
      Token variable = next();
      int afterVariable = index;
      Token following = peekNonSpace();
      if (following.kind() == Kind.DECLARE || following.kind() == Kind.ASSIGN) {
        nextNonSpace();
        assign = following.kind() == Kind.ASSIGN;
        if (assign && !vars.contains(variable.text())) {
          throw source.parseError(variable.pos(), "undefined variable \"" + variable.text() + "\"");
        }
        declared.add(variable.text());
        break;
      }
      if (following.kind() == Kind.COMMA) {
        nextNonSpace();
        declared.add(variable.text());
        if (!context.equals("range") || declared.size() > 1) {
          throw source.parseError(following.pos(), "too many declarations in " + context);
        }
        skipSpaces();
        if (peek().kind() != Kind.VARIABLE) {
          throw source.parseError(peek().pos(), "range can only initialize variables");
        }
        continue;
      }
      if (!declared.isEmpty()) {
        throw source.parseError(following.pos(), "missing := after range variables");
      }
      index = afterVariable - 1;
      break;
    }
    if (declared.isEmpty()) {
      index = start;
    } else if (!assign) {
      vars.addAll(declared);
    }
    List<Command> commands = new ArrayList<>();
    while (true) {
      Token token = nextNonSpace();
      if (token.kind() == end) {
        checkPipeline(commands, context, token);
        return new Pipeline(first.pos(), List.copyOf(declared), assign, List.copyOf(commands));
      }
      switch (token.kind()) {
        case BOOL,
            CHAR,
            DOT,
            FIELD,
            IDENTIFIER,
            NUMBER,
            NIL,
            RAW_STRING,
            STRING,
            VARIABLE,
            LEFT_PAREN -> {
          index--;
          commands.add(command());
        }
        default -> throw unexpected(token, context);
      }
    }
  }

  private void checkPipeline(List<Command> commands, String context, Token end) {
    if (commands.isEmpty()) {
      throw source.parseError(end.pos(), "missing value for " + context);
    }
    for (int i = 1; i < commands.size(); i++) {
      Expr first = commands.get(i).args().get(0);
      if (first instanceof LiteralExpr || first instanceof DotExpr || first instanceof NilExpr) {
        throw source.parseError(first.pos(), "non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private Command command() {
    int start = peekNonSpace().pos();
    List<Expr> args = new ArrayList<>();
    while (true) {
      skipSpaces();
      Expr operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token token = next();
      switch (token.kind()) {
        case SPACE:
          continue;
        case RIGHT_DELIM:
        case RIGHT_PAREN:
          index--;
          break;
        case PIPE:
          break;
        default:
          throw unexpected(token, "operand");
      }
      if (args.isEmpty()) {
        throw source.parseError(token.pos(), "empty command");
      }
      return new Command(start, token.pos(), List.copyOf(args));
    }
  }

  private Expr operand() {
    Expr term = term();
    if (term == null || peek().kind() != Kind.FIELD) {
      return term;
    }
    List<String> fields = new ArrayList<>();
    while (peek().kind() == Kind.FIELD) {
      fields.add(next().text().substring(1));
    }
    if (term instanceof FieldExpr f) {
      List<String> all = new ArrayList<>(f.fields());
      all.addAll(fields);
      return new FieldExpr(f.pos(), List.copyOf(all));
    }
    if (term instanceof VariableExpr v) {
      List<String> all = new ArrayList<>(v.fields());
      all.addAll(fields);
      return new VariableExpr(v.pos(), v.name(), List.copyOf(all));
    }
    if (term instanceof LiteralExpr || term instanceof DotExpr || term instanceof NilExpr) {
      throw source.parseError(term.pos(), "unexpected . after term");
    }
    return new ChainExpr(term.pos(), term, List.copyOf(fields));
  }

  private Expr term() {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case IDENTIFIER:
        {
          FunctionRegistry.Entry function = functions.lookup(token.text());
          if (function == null) {
            throw source.parseError(token.pos(), "function \"" + token.text() + "\" not defined");
          }
          return new FunctionExpr(token.pos(), token.text(), function);
        }
      case DOT:
        return new DotExpr(token.pos());
      case NIL:
        return new NilExpr(token.pos());
      case VARIABLE:
        if (!vars.contains(token.text())) {
          throw source.parseError(token.pos(), "undefined variable \"" + token.text() + "\"");
        }
        return new VariableExpr(token.pos(), token.text(), List.of());
      case FIELD:
        return new FieldExpr(token.pos(), List.of(token.text().substring(1)));
      case BOOL:
        return new LiteralExpr(token.pos(), Boolean.valueOf(token.text()), token.text());
      case NUMBER:
        return new LiteralExpr(token.pos(), Literals.number(source, token), token.text());
      case CHAR:
        return new LiteralExpr(token.pos(), Literals.character(source, token), token.text());
      case STRING:
      case RAW_STRING:
        return new LiteralExpr(token.pos(), unquote(token), token.text());
      case LEFT_PAREN:
        {
          Pipeline pipeline = pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
          return new PipeExpr(token.pos(), pipeline);
        }
      default:
        index--;
        return null;
    }
  }

  private String unquote(Token token) {
    if (token.kind() == Kind.RAW_STRING) {
      String raw = token.text();
      return raw.substring(1, raw.length() - 1).replace("\r", "");
    }
    return Literals.string(source, token);
  }

  private void popVars(int mark) {
    while (vars.size() > mark) {
      vars.remove(vars.size() - 1);
    }
  }

  private TemplateException unexpected(Token token, String context) {
    String what =
        switch (token.kind()) {
          case EOF -> "EOF";
          case RIGHT_DELIM -> "\"}}\"";
          case RIGHT_PAREN -> "\")\"";
          case LEFT_DELIM -> "\"{{\"";
          case SPACE -> "space";
          default -> "\"" + token.text() + "\"";
        };
    return source.parseError(token.pos(), "unexpected " + what + " in " + context);
  }

  private Token expect(Kind kind, String context) {
    Token token = nextNonSpace();
    if (token.kind() != kind) {
      throw unexpected(token, context);
    }
    return token;
  }

  private Token next() {
    Token token = peek();
    index++;
    return token;
  }

  private Token peek() {
    return tokens.get(Math.min(index, tokens.size() - 1));
  }

  private void skipSpaces() {
    while (peek().kind() == Kind.SPACE) {
      index++;
    }
  }

  private Token nextNonSpace() {
    skipSpaces();
    return next();
  }

  private Token peekNonSpace() {
    skipSpaces();
    return peek();
  }

  private Token peekAfterDelim() {
    int i = Math.min(index + 1, tokens.size() - 1);
    while (tokens.get(i).kind() == Kind.SPACE) {
      i++;
    }
    return tokens.get(i);
  }
}
