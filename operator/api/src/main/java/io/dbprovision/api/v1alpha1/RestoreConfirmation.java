package io.dbprovision.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Explicit consent for restores that replace data. */
public class RestoreConfirmation {
  @JsonPropertyDescription("Must be I-UNDERSTAND-DATA-LOSS for an in-place restore.")
  private String acknowledgeDataLoss;

  public String getAcknowledgeDataLoss() {
    return acknowledgeDataLoss;
  }

  public void setAcknowledgeDataLoss(String acknowledgeDataLoss) {
    this.acknowledgeDataLoss = acknowledgeDataLoss;
  }
}
