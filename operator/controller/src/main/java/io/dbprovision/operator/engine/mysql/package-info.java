/**
 * The MySQL and MariaDB engine: all MySQL-dialect SQL text lives here.
 *
 * <p>What was tested against what: every contract test runs against MariaDB 10.11, which stands in
 * for MySQL here (no MySQL 8 server is available). The engine detects the flavour from {@code
 * VERSION()} and branches where the servers differ:
 *
 * <table>
 *   <caption>Flavour differences</caption>
 *   <tr><th>concern</th><th>MariaDB (tested)</th><th>MySQL 8 (per its reference manual)</th></tr>
 *   <tr><td>role names</td><td>{@code `r`}</td><td>{@code 'r'@'%'}</td></tr>
 *   <tr><td>role memberships</td><td>mysql.roles_mapping</td><td>mysql.role_edges</td></tr>
 *   <tr><td>role existence</td><td>mysql.user.is_role</td><td>a locked account on host %</td></tr>
 *   <tr><td>account lock</td><td>mysql.global_priv JSON</td><td>mysql.user.account_locked</td></tr>
 *   <tr><td>authentication plugin</td><td>server default (mysql_native_password)</td>
 *       <td>{@code IDENTIFIED WITH <authPlugin>}</td></tr>
 *   <tr><td>user name length</td><td>up to 63 (the schema's limit)</td><td>up to 32</td></tr>
 *   <tr><td>privilege names</td><td>DELETE HISTORY, BINLOG MONITOR</td>
 *       <td>REPLICATION CLIENT</td></tr>
 * </table>
 *
 * <p>Decisions: identifiers in backticks, accounts as two literals, literals escaped for the
 * session's {@code NO_BACKSLASH_ESCAPES} setting; a login is one account per host pattern and each
 * account is compared and changed separately; {@code ALL PRIVILEGES} is expanded per level so that
 * it compares with what information_schema reports, and refused at the global level.
 *
 * <p>Limits: the operator's account needs SELECT on the mysql schema to read other accounts'
 * privileges; table and column grants need the table to exist.
 */
package io.dbprovision.operator.engine.mysql;
