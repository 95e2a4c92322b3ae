package io.dbprovision.exporter.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code base64.StdEncoding.DecodeString} as Sprig's {@code b64dec} uses it: padding is
 * required, line breaks are skipped, and a failure yields Go's error text ("illegal base64 data at
 * input byte N") instead of the decoded string. {@link java.util.Base64} is laxer about padding.
 */
final class GoBase64 {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private GoBase64() {}

  static String decodeOrError(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4);
    int n = s.length();
    int si = 0;
    int[] quantum = new int[4];
    while (true) {
      int j = 0;
      boolean padded = false;
      while (j < 4) {
        if (si == n) {
          if (j == 0) {
            return out.toString(StandardCharsets.UTF_8);
          }
          return error(si - j);
        }
        char c = s.charAt(si++);
        if (c == '\n' || c == '\r') {
          continue;
        }
        int v = ALPHABET.indexOf(c);
        if (v >= 0) {
          quantum[j++] = v;
          continue;
        }
        if (c != '=' || j < 2) {
          return error(si - 1);
        }
        if (j == 2) {
          si = skipLineBreaks(s, si);
          if (si == n) {
            return error(n);
          }
          if (s.charAt(si) != '=') {
            return error(si - 1);
          }
          si++;
        }
        si = skipLineBreaks(s, si);
        if (si < n) {
          return error(si);
        }
        padded = true;
        break;
      }
      int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
      int bytes = padded ? j - 1 : 3;
      for (int k = 0; k < bytes; k++) {
        out.write((bits >> (16 - 8 * k)) & 0xff);
      }
      if (padded) {
        return out.toString(StandardCharsets.UTF_8);
      }
      quantum[2] = 0;
      quantum[3] = 0;
    }
  }

  private static int skipLineBreaks(String s, int si) {
    while (si < s.length() && (s.charAt(si) == '\n' || s.charAt(si) == '\r')) {
      si++;
    }
    return si;
  }

  private static String error(int offset) {
    return "illegal base64 data at input byte " + offset;
  }
}
