package io.dbprovision.demo;

/**
 * The PostgreSQL server the demo provisions on, and the administrator account the DatabaseInstance
 * uses there. The password goes into the instance's Secret, nowhere else.
 */
record PostgresServer(
    String host,
    int port,
    String adminUser,
    String adminPassword,
    String adminDatabase,
    String description) {

  @Override
  public String toString() {
    return description;
  }
}
