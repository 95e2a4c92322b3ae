package io.dbprovision.api.v1alpha1;

/**
 * pg_dump output formats that can be streamed into a single object; constants are spelled as users
 * write them. The directory format is not offered because it writes many files.
 */
public enum PostgresDumpFormat {
  custom,
  plain,
  tar
}
