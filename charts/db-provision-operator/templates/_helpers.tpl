{{/* Names ------------------------------------------------------------------------------------ */}}

{{- define "dbp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "dbp.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Exporter resources carry a suffix; 54 characters leave room for "-exporter". */}}
{{- define "dbp.exporterName" -}}
{{- printf "%s-exporter" (include "dbp.fullname" . | trunc 54 | trimSuffix "-") }}
{{- end }}

{{- define "dbp.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels ----------------------------------------------------------------------------------- */}}

{{- define "dbp.labels" -}}
helm.sh/chart: {{ include "dbp.chart" . }}
app.kubernetes.io/name: {{ include "dbp.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: db-provision
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels of a component: call with (dict "ctx" $ "component" "operator"). */}}
{{- define "dbp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "dbp.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "dbp.componentLabels" -}}
{{ include "dbp.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Modes and switches --------------------------------------------------------------------------- */}}

{{- define "dbp.exporterEnabled" -}}
{{- if ne .Values.exporter.mode "disabled" }}true{{ end }}
{{- end }}

{{- define "dbp.exporterSidecar" -}}
{{- if eq .Values.exporter.mode "sidecar" }}true{{ end }}
{{- end }}

{{- define "dbp.exporterDeployment" -}}
{{- if eq .Values.exporter.mode "deployment" }}true{{ end }}
{{- end }}

{{/* Leader election is needed as soon as two processes could reconcile (or deliver) at once. */}}
{{- define "dbp.operatorLeaderElection" -}}
{{- if or (gt (int .Values.replicaCount) 1) .Values.operator.leaderElection.force }}true{{ end }}
{{- end }}

{{- define "dbp.exporterReplicas" -}}
{{- if eq .Values.exporter.mode "deployment" }}{{ int .Values.exporter.replicaCount }}{{ else }}{{ int .Values.replicaCount }}{{ end }}
{{- end }}

{{- define "dbp.exporterLeaderElection" -}}
{{- if or (gt (int (include "dbp.exporterReplicas" .)) 1) .Values.exporter.leaderElection.force }}true{{ end }}
{{- end }}

{{- define "dbp.operatorLeaseName" -}}
{{- default (include "dbp.fullname" .) .Values.operator.leaderElection.id }}
{{- end }}

{{- define "dbp.exporterLeaseName" -}}
{{- default (include "dbp.exporterName" .) .Values.exporter.leaderElection.id }}
{{- end }}

{{- define "dbp.checkpointConfigMapName" -}}
{{- default (printf "%s-checkpoint" (include "dbp.exporterName" .)) .Values.exporter.checkpoint.configMapName }}
{{- end }}

{{/* Service accounts ----------------------------------------------------------------------------- */}}

{{- define "dbp.serviceAccountName" -}}
{{- default (include "dbp.fullname" .) .Values.serviceAccount.name }}
{{- end }}

{{/* The exporter's identity: the operator Pod's in sidecar mode, its own in deployment mode. */}}
{{- define "dbp.exporterServiceAccountName" -}}
{{- if eq .Values.exporter.mode "deployment" }}
{{- default (include "dbp.exporterName" .) .Values.exporter.serviceAccount.name }}
{{- else }}
{{- include "dbp.serviceAccountName" . }}
{{- end }}
{{- end }}

{{/* Images --------------------------------------------------------------------------------------- */}}

{{- define "dbp.operatorImage" -}}
{{- printf "%s:%s" .Values.operator.image.repository (default .Chart.AppVersion .Values.operator.image.tag) }}
{{- end }}

{{- define "dbp.exporterImage" -}}
{{- printf "%s:%s" .Values.exporter.image.repository (default .Chart.AppVersion .Values.exporter.image.tag) }}
{{- end }}

{{/* Exporter configuration ------------------------------------------------------------------------ */}}

{{/* Environment variable names the exporter container gets: the ${VAR}s its config may use. */}}
{{- define "dbp.exporterEnvNames" -}}
{{- $names := list }}
{{- if and .Values.exporter.slack.existingSecret .Values.exporter.slack.webhookUrlKey }}
{{- $names = append $names "SLACK_WEBHOOK_URL" }}
{{- end }}
{{- if and .Values.exporter.slack.existingSecret .Values.exporter.slack.tokenKey }}
{{- $names = append $names "SLACK_TOKEN" }}
{{- end }}
{{- range .Values.exporter.extraEnv }}
{{- $names = append $names .name }}
{{- end }}
{{- toJson $names }}
{{- end }}

{{/*
The config file: the user's config plus the keys the chart owns (leader election, checkpoint).
Rendering fails when the config uses a ${VAR} that no environment variable of the container
provides, because the exporter would refuse to start with it ("$$" is an escaped dollar).
*/}}
{{- define "dbp.exporterConfig" -}}
{{- $config := deepCopy .Values.exporter.config }}
{{- $_ := set $config "leaderElection" (dict "enabled" (eq (include "dbp.exporterLeaderElection" .) "true") "leaderElectionID" (include "dbp.exporterLeaseName" .)) }}
{{- $_ := set $config "checkpoint" (dict "configMap" (include "dbp.checkpointConfigMapName" .)) }}
{{- $text := toYaml $config }}
{{- $provided := include "dbp.exporterEnvNames" . | fromJsonArray }}
{{- range regexFindAll "\\$\\{[^}]*\\}" ($text | replace "$$" "") -1 }}
{{- $var := trimSuffix "}" (trimPrefix "${" .) }}
{{- if not (has $var $provided) }}
{{- fail (printf "exporter.config uses ${%s}, but the exporter container has no such environment variable: set exporter.slack.existingSecret (SLACK_WEBHOOK_URL, SLACK_TOKEN) or add %s to exporter.extraEnv" $var $var) }}
{{- end }}
{{- end }}
{{- $text }}
{{- end }}

{{/* Containers ----------------------------------------------------------------------------------- */}}

{{- define "dbp.probe" -}}
httpGet:
  path: {{ .path }}
  port: {{ .port }}
periodSeconds: {{ .probe.periodSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
{{- end }}

{{- define "dbp.exporterContainer" -}}
- name: exporter
  image: {{ include "dbp.exporterImage" . }}
  imagePullPolicy: {{ .Values.exporter.image.pullPolicy }}
  args:
    - run
    - --config
    - /etc/db-provision-exporter/config.yaml
    - --metrics-address
    - {{ printf ":%d" (int .Values.exporter.port) | quote }}
    {{- if .Values.exporter.strict }}
    - --strict
    {{- end }}
  env:
    - name: JAVA_TOOL_OPTIONS
      value: {{ .Values.exporter.javaToolOptions | quote }}
    {{- with .Values.exporter.slack }}
    {{- if and .existingSecret .webhookUrlKey }}
    - name: SLACK_WEBHOOK_URL
      valueFrom:
        secretKeyRef:
          name: {{ .existingSecret }}
          key: {{ .webhookUrlKey }}
    {{- end }}
    {{- if and .existingSecret .tokenKey }}
    - name: SLACK_TOKEN
      valueFrom:
        secretKeyRef:
          name: {{ .existingSecret }}
          key: {{ .tokenKey }}
    {{- end }}
    {{- end }}
    {{- with .Values.exporter.extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  ports:
    - name: exporter
      containerPort: {{ .Values.exporter.port }}
      protocol: TCP
  startupProbe:
    {{- include "dbp.probe" (dict "path" "/healthz" "port" "exporter" "probe" .Values.exporter.startupProbe) | nindent 4 }}
  livenessProbe:
    {{- include "dbp.probe" (dict "path" "/healthz" "port" "exporter" "probe" .Values.exporter.livenessProbe) | nindent 4 }}
  readinessProbe:
    {{- include "dbp.probe" (dict "path" "/readyz" "port" "exporter" "probe" .Values.exporter.readinessProbe) | nindent 4 }}
  resources:
    {{- toYaml .Values.exporter.resources | nindent 4 }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  volumeMounts:
    - name: exporter-config
      mountPath: /etc/db-provision-exporter
      readOnly: true
    - name: exporter-tmp
      mountPath: /tmp
{{- end }}

{{/* The exporter's volumes. The config is a directory mount, not subPath: subPath never updates,
and the exporter reloads the file when the ConfigMap changes. */}}
{{- define "dbp.exporterVolumes" -}}
- name: exporter-config
  configMap:
    name: {{ include "dbp.exporterName" . }}-config
    items:
      - key: config.yaml
        path: config.yaml
- name: exporter-tmp
  emptyDir:
    sizeLimit: {{ .Values.exporter.tmpSizeLimit }}
{{- end }}

{{/* RBAC ----------------------------------------------------------------------------------------- */}}

{{/* The operator's eight kinds (group dbops.dbprovision.io), as resource names. */}}
{{- define "dbp.kinds" -}}
- databaseinstances
- databases
- databaseusers
- databaseroles
- databasegrants
- databasebackups
- databaserestores
- databasebackupschedules
{{- end }}

{{- define "dbp.subresources" -}}
{{- range include "dbp.kinds" . | fromYamlArray }}
- {{ . }}/{{ $.sub }}
{{- end }}
{{- end }}
