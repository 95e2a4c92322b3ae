package io.dbprovision.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.api.v1alpha1.PasswordSecretSpec;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void defaultsAreThirtyTwoCharactersWithSpecialCharacters() {
    PasswordPolicy policy = PasswordPolicy.from(null);
    assertThat(policy).isEqualTo(PasswordPolicy.DEFAULTS);
    assertThat(policy.generate().reveal()).hasSize(32);
    assertThat(policy.alphabet()).contains("xyzABC", "789!@#$%^&*");
  }

  @Test
  void followsLengthSpecialCharactersAndExclusions() {
    PasswordSecretSpec spec = new PasswordSecretSpec();
    spec.setLength(64);
    spec.setIncludeSpecialChars(false);
    spec.setExcludeChars("0Ol1I");
    PasswordPolicy policy = PasswordPolicy.from(spec);
    for (int i = 0; i < 50; i++) {
      String password = policy.generate().reveal();
      assertThat(password)
          .hasSize(64)
          .matches("[a-zA-Z2-9]+")
          .doesNotContain("0", "O", "l", "1", "I");
    }
  }

  @Test
  void aUsableAlphabetRemainsWhenEverythingIsExcluded() {
    PasswordPolicy policy =
        new PasswordPolicy(16, true, PasswordPolicy.ALPHANUMERIC + PasswordPolicy.SPECIAL);
    assertThat(policy.alphabet()).isEqualTo(PasswordPolicy.ALPHANUMERIC);
    assertThat(policy.generate().reveal()).hasSize(16);
  }

  @Test
  void passwordsDifferAndUseTheWholeAlphabet() {
    Set<String> passwords = new HashSet<>();
    Set<Character> used = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String password = PasswordPolicy.DEFAULTS.generate().reveal();
      passwords.add(password);
      password.chars().forEach(c -> used.add((char) c));
    }
    assertThat(passwords).hasSize(200);
    assertThat(used).hasSize(PasswordPolicy.DEFAULTS.alphabet().length());
  }

  @Test
  void lengthsOutsideTheSchemaBoundsAreAProblem() {
    assertThat(new PasswordPolicy(7, true, "").problem())
        .hasValueSatisfying(p -> assertThat(p).contains("8..128"));
    assertThat(new PasswordPolicy(129, true, "").problem()).isPresent();
    assertThat(new PasswordPolicy(8, true, "").problem()).isEmpty();
  }

  @Test
  void thePasswordIsNotPrintable() {
    assertThat(PasswordPolicy.DEFAULTS.generate().toString()).isEqualTo("Password[******]");
  }
}
