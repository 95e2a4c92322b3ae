/**
 * Go {@code text/template} for the exporter's Slack and webhook templates, written in-house because
 * no Java implementation resolves from our registries.
 *
 * <p>Shape: {@code Lexer} → {@code Parser} → an immutable tree ({@code Node}), parsed once per
 * template at config load ({@link io.dbprovision.exporter.template.GoTemplate#parse}); each
 * execution walks the tree with its own {@code Executor}, so a template is safe to share across
 * threads. Functions are resolved at parse time from a {@link
 * io.dbprovision.exporter.template.FunctionRegistry}: Go's built-ins, the Sprig subset, and
 * whatever callers add; {@code now} and {@code date} use the registry's {@link java.time.Clock}.
 *
 * <p>Supported: text, actions, comments, {@code {{-}}/{@code -}}} trimming; fields, {@code $},
 * {@code $x.Field}, chains on parenthesised pipelines; pipelines with {@code |}; variables ({@code
 * :=}, {@code =}); {@code if/else if/else}, {@code with/else with/else}, {@code range} over slices,
 * maps (sorted keys) and integers with {@code $i, $v}, {@code else}, {@code break}, {@code
 * continue}; {@code define}, {@code template}, {@code block}; string, raw string, char, number,
 * bool and nil constants. Built-ins: {@code and or not eq ne lt le gt ge len index print printf
 * println html js urlquery}. Sprig: {@code toJson toPrettyJson toString default empty coalesce
 * upper lower title trim trimPrefix trimSuffix trunc abbrev quote squote replace contains hasPrefix
 * hasSuffix repeat substr indent nindent join splitList sortAlpha list append prepend first last
 * dict get hasKey keys date dateInZone now unixEpoch add sub mul div mod max min int int64 float64
 * b64enc b64dec sha256sum regexMatch regexReplaceAll ternary}.
 *
 * <p>Go's rules kept: truth (empty and zero are false), {@code eq} across integer kinds and {@code
 * false} against nil, printing ({@code map[a:1 b:2]}, {@code [a b]}, {@code <nil>}, shortest floats
 * such as {@code 1e+06}), {@code <no value>} for a missing key, {@code len} in UTF-8 bytes, string
 * parameters that refuse non-strings. The conformance test renders a corpus with real Go (Helm's
 * engine via helm-java) and ours and requires identical output.
 *
 * <p>Known differences from Go:
 *
 * <ul>
 *   <li>Data is untyped ({@code Map}, {@code List}, ...), like Helm values. The Go exporter's event
 *       is a struct: there, an unknown field ({@code .Foo}) is an execution error and {@code index
 *       .InvolvedObject.Labels "x"} of a missing label is {@code ""}; here both give {@code <no
 *       value>}. Sprig functions with {@code map[string]interface{}} parameters ({@code get},
 *       {@code hasKey}, {@code keys}) accept the labels map here; Go rejects a typed {@code
 *       map[string]string}.
 *   <li>All integer types are one kind: {@code int} parameters ({@code trunc}, {@code repeat}, ...)
 *       accept int64 results that Go would refuse with "wrong type". Literals are {@code Integer}
 *       (Go {@code int}), arithmetic gives {@code Long} (int64), so {@code %T} agrees for those;
 *       data integers report what the caller put in the map.
 *   <li>Methods on values do not exist: {@code .GetTimestampMs} is a map entry, and times from
 *       {@code now} have no {@code .Unix}/{@code .Format}. A time prints without Go's monotonic
 *       clock suffix ({@code m=+0.01}). {@code keys} returns sorted keys (Go: random order).
 *   <li>Regular expressions use {@link java.util.regex}, not RE2: the common syntax agrees,
 *       RE2-only or Java-only constructs differ (RE2's {@code (?P<name>)} is translated); no
 *       linear-time guarantee.
 *   <li>Strings are UTF-16: slicing functions ({@code trunc}, {@code substr}, {@code abbrev}) count
 *       UTF-8 bytes like Go, but a cut inside a character yields U+FFFD where Go keeps the broken
 *       bytes. {@code printf} has no {@code %[n]} argument indexes; {@code %x} on floats and {@code
 *       %p} are not supported.
 *   <li>Limits Go does not have, so that one bad template cannot exhaust stack or heap: {@code
 *       template} recursion stops at depth 200 (Go: 100000), one rendering writes at most 4 Mi
 *       characters, {@code repeat} builds at most 4 Mi characters. A {@code range} over a huge
 *       integer with an empty body still spins, as in Go.
 *   <li>Parse errors report a column as well as a line; messages are shaped like Go's but are not
 *       always word for word the same.
 * </ul>
 */
package io.dbprovision.exporter.template;
