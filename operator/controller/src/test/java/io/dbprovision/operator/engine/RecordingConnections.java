package io.dbprovision.operator.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wraps real connections and records every statement an engine executes (DDL, GRANT, REVOKE;
 * catalog queries go through prepared statements and are not recorded), so tests can say what
 * reached the server.
 */
final class RecordingConnections implements ConnectionSource {
  private final ConnectionSource delegate;
  private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

  RecordingConnections(ConnectionSource delegate) {
    this.delegate = delegate;
  }

  List<String> executed() {
    return List.copyOf(executed);
  }

  void clear() {
    executed.clear();
  }

  @Override
  public Connection admin() throws SQLException {
    return recording(delegate.admin());
  }

  @Override
  public Connection database(String name) throws SQLException {
    return recording(delegate.database(name));
  }

  private Connection recording(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (self, method, args) -> {
              Object result = invoke(method, connection, args);
              return method.getName().equals("createStatement")
                  ? recording((Statement) result)
                  : result;
            });
  }

  private Statement recording(Statement statement) {
    return (Statement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Statement.class},
            (self, method, args) -> {
              if (method.getName().equals("execute")) {
                executed.add((String) args[0]);
              }
              return invoke(method, statement, args);
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
