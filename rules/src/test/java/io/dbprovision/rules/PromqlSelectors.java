package io.dbprovision.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the series selectors and the grouping labels of a PromQL expression: enough to check every
 * metric name, label name and label value against what the project defines. It is a scanner, not a
 * parser; whether an expression is valid PromQL is promtool's job ({@link Promtool}).
 */
final class PromqlSelectors {

  /** A label matcher such as {@code reason=~"Failed|DeadlineExceeded"}. */
  record Matcher(String label, String operator, String value) {
    private static final Pattern LITERAL_ALTERNATIVES =
        Pattern.compile("[A-Za-z0-9_.:/-]+(\\|[A-Za-z0-9_.:/-]+)*");

    /**
     * The values the matcher names, when it names them literally ({@code =}, {@code !=}, or a regex
     * that is only a list of alternatives); empty for any other regex.
     */
    List<String> literalValues() {
      if (operator.equals("=") || operator.equals("!=")) {
        return List.of(value);
      }
      if (LITERAL_ALTERNATIVES.matcher(value).matches()) {
        return Arrays.asList(value.split("\\|"));
      }
      return List.of();
    }

    @Override
    public String toString() {
      return label + operator + '"' + value + '"';
    }
  }

  /**
   * A series selector.
   *
   * @param metric the metric name, or null for a selector without one
   * @param function the innermost function or aggregation the selector is an argument of, or null
   */
  record Selector(String metric, List<Matcher> matchers, String function) {
    List<String> literalValuesOf(String label) {
      List<String> values = new ArrayList<>();
      for (Matcher m : matchers) {
        if (m.label().equals(label)) {
          values.addAll(m.literalValues());
        }
      }
      return values;
    }

    @Override
    public String toString() {
      return (metric == null ? "" : metric) + matchers;
    }
  }

  /** Everything found in one expression. */
  record Scan(List<Selector> selectors, Set<String> groupingLabels) {}

  private static final Set<String> GROUPING =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");
  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile");

  private enum Kind {
    IDENTIFIER,
    STRING,
    NUMBER,
    PUNCTUATION
  }

  private record Token(Kind kind, String text) {
    boolean is(String punctuation) {
      return kind == Kind.PUNCTUATION && text.equals(punctuation);
    }
  }

  private PromqlSelectors() {}

  static Scan scan(String expr) {
    List<Token> tokens = tokenize(expr);
    List<Selector> selectors = new ArrayList<>();
    Set<String> grouping = new LinkedHashSet<>();
    // One entry per open parenthesis: the function it belongs to, or "" for plain grouping.
    Deque<String> calls = new ArrayDeque<>();
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (token.kind() == Kind.IDENTIFIER) {
        String word = token.text().toLowerCase(Locale.ROOT);
        if (KEYWORDS.contains(word)) {
          i++;
          continue;
        }
        if (GROUPING.contains(word)) {
          if (next != null && next.is("(")) {
            i = readLabelList(tokens, i + 2, grouping);
            continue;
          }
        } else if (next != null && next.is("(")) {
          calls.push(token.text());
          i += 2;
          continue;
        } else if (AGGREGATIONS.contains(word) && next != null && next.kind() == Kind.IDENTIFIER) {
          // `sum by (x) (...)`: the call's parenthesis comes after the grouping clause.
          calls.push(token.text());
          i = readLabelList(tokens, i + 3, grouping);
          if (i < tokens.size() && tokens.get(i).is("(")) {
            i++;
          }
          continue;
        } else {
          List<Matcher> matchers = new ArrayList<>();
          i++;
          if (next != null && next.is("{")) {
            i = readMatchers(tokens, i + 1, matchers, expr);
          }
          selectors.add(new Selector(token.text(), matchers, innermostCall(calls)));
          continue;
        }
      } else if (token.is("{")) {
        List<Matcher> matchers = new ArrayList<>();
        i = readMatchers(tokens, i + 1, matchers, expr);
        String name =
            matchers.stream()
                .filter(m -> m.label().equals("__name__") && m.operator().equals("="))
                .map(Matcher::value)
                .findFirst()
                .orElse(null);
        selectors.add(new Selector(name, matchers, innermostCall(calls)));
        continue;
      } else if (token.is("[")) {
        while (i < tokens.size() && !tokens.get(i).is("]")) {
          i++;
        }
      } else if (token.is("(")) {
        calls.push("");
      } else if (token.is(")")) {
        if (calls.isEmpty()) {
          throw new IllegalArgumentException("unbalanced ')' in: " + expr);
        }
        calls.pop();
      }
      i++;
    }
    return new Scan(List.copyOf(selectors), grouping);
  }

  private static String innermostCall(Deque<String> calls) {
    for (String call : calls) {
      if (!call.isEmpty()) {
        return call;
      }
    }
    return null;
  }

  /** Reads {@code a, b)} starting after the '('; returns the index after the ')'. */
  private static int readLabelList(List<Token> tokens, int i, Set<String> into) {
    while (i < tokens.size() && !tokens.get(i).is(")")) {
      if (tokens.get(i).kind() == Kind.IDENTIFIER) {
        into.add(tokens.get(i).text());
      }
      i++;
    }
    return i + 1;
  }

  /** Reads {@code l="v", ...}} starting after the '{'; returns the index after the '}'. */
  private static int readMatchers(List<Token> tokens, int i, List<Matcher> into, String expr) {
    while (i < tokens.size() && !tokens.get(i).is("}")) {
      Token label = tokens.get(i);
      if (label.is(",")) {
        i++;
        continue;
      }
      if (i + 2 >= tokens.size()
          || label.kind() != Kind.IDENTIFIER
          || tokens.get(i + 1).kind() != Kind.PUNCTUATION
          || tokens.get(i + 2).kind() != Kind.STRING) {
        throw new IllegalArgumentException("cannot read the label matchers of: " + expr);
      }
      into.add(new Matcher(label.text(), tokens.get(i + 1).text(), tokens.get(i + 2).text()));
      i += 3;
    }
    return i + 1;
  }

  private static List<Token> tokenize(String expr) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < n && expr.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        StringBuilder value = new StringBuilder();
        i++;
        while (i < n && expr.charAt(i) != c) {
          if (expr.charAt(i) == '\\' && c != '`' && i + 1 < n) {
            i++;
          }
          value.append(expr.charAt(i));
          i++;
        }
        if (i >= n) {
          throw new IllegalArgumentException("unterminated string in: " + expr);
        }
        i++;
        tokens.add(new Token(Kind.STRING, value.toString()));
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, expr.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(expr.charAt(i))
                || expr.charAt(i) == '_'
                || expr.charAt(i) == ':')) {
          i++;
        }
        tokens.add(new Token(Kind.IDENTIFIER, expr.substring(start, i)));
      } else {
        String two = i + 1 < n ? expr.substring(i, i + 2) : "";
        if (Set.of("=~", "!~", "!=", "==", ">=", "<=").contains(two)) {
          tokens.add(new Token(Kind.PUNCTUATION, two));
          i += 2;
        } else {
          tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c)));
          i++;
        }
      }
    }
    return tokens;
  }
}
