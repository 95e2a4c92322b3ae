package io.dbprovision.operator.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A stand-in MySQL server that answers catalog queries from a table of canned rows and fails every
 * statement with a syntax error quoting the whole statement back, as real servers do with the part
 * after the error. It is the worst case for secrecy: if a password were ever put in a message
 * unmasked, this server would make it show.
 */
final class EchoingServer implements ConnectionSource {
  private final Map<String, List<Object[]>> rowsByQueryFragment;

  EchoingServer(Map<String, List<Object[]>> rowsByQueryFragment) {
    this.rowsByQueryFragment = rowsByQueryFragment;
  }

  @Override
  public Connection admin() {
    return connection();
  }

  @Override
  public Connection database(String name) {
    return connection();
  }

  private Connection connection() {
    return proxy(
        Connection.class,
        (self, method, args) ->
            switch (method.getName()) {
              case "prepareStatement" -> preparedStatement((String) args[0]);
              case "createStatement" -> statement();
              case "isClosed" -> false;
              default -> null;
            });
  }

  private PreparedStatement preparedStatement(String sql) {
    List<Object[]> rows =
        rowsByQueryFragment.entrySet().stream()
            .filter(e -> sql.contains(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(List.of());
    return proxy(
        PreparedStatement.class,
        (self, method, args) -> method.getName().equals("executeQuery") ? resultSet(rows) : null);
  }

  private Statement statement() {
    return proxy(
        Statement.class,
        (self, method, args) -> {
          if (method.getName().equals("execute")) {
            throw new SQLException(
                "You have an error in your SQL syntax; check the manual near '"
                    + args[0]
                    + "' at line 1",
                "42000",
                1064);
          }
          return null;
        });
  }

  private ResultSet resultSet(List<Object[]> rows) {
    int[] cursor = {-1};
    return proxy(
        ResultSet.class,
        (self, method, args) ->
            switch (method.getName()) {
              case "next" -> ++cursor[0] < rows.size();
              case "getString" -> String.valueOf(rows.get(cursor[0])[(int) args[0] - 1]);
              case "getLong" -> ((Number) rows.get(cursor[0])[(int) args[0] - 1]).longValue();
              case "getInt" -> ((Number) rows.get(cursor[0])[(int) args[0] - 1]).intValue();
              case "getBoolean" -> (Boolean) rows.get(cursor[0])[(int) args[0] - 1];
              default -> null;
            });
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            EchoingServer.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
