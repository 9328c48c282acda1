{{/* Names. */}}
{{- define "starfront.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "starfront.fullname" -}}
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

{{- define "starfront.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "starfront.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: starfront
{{- end }}

{{/* Selector labels of one component: (dict "root" $ "component" "web"). */}}
{{- define "starfront.selectorLabels" -}}
app.kubernetes.io/name: {{ include "starfront.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "starfront.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "starfront.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image reference: (dict "root" $ "repository" "starfront-web"). */}}
{{- define "starfront.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag }}
{{- if .root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .repository $tag }}
{{- else }}
{{- printf "%s:%s" .repository $tag }}
{{- end }}
{{- end }}

{{/* The first public host name: the probes' Host header (host filtering refuses the pod IP). */}}
{{- define "starfront.probeHost" -}}
{{- $hosts := required "platform.allowedHosts needs at least one host name" .Values.platform.allowedHosts }}
{{- first $hosts }}
{{- end }}

{{- define "starfront.podSecurityContext" -}}
{{- toYaml .Values.podSecurityContext }}
{{- end }}

{{- define "starfront.containerSecurityContext" -}}
{{- toYaml .Values.containerSecurityContext }}
{{- end }}

{{/*
A connection string from one role's Secret: (dict "root" $ "role" .Values.database.app "name" "ConnectionStrings__Platform" "prefix" "STARFRONT_DB_APP").
Whole string: a secretKeyRef. Composed (database.host set): username and password come from the Secret as their own
variables and the string refers to them with Kubernetes' $(VAR) expansion, so no password is ever written in a manifest.
*/}}
{{- define "starfront.connectionStringEnv" -}}
{{- $db := .root.Values.database }}
{{- $secret := required (printf "the Secret of %s (database.*.existingSecret) is required" .name) .role.existingSecret }}
{{- if $db.host }}
- name: {{ .prefix }}_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .role.usernameKey }}
- name: {{ .prefix }}_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .role.passwordKey }}
- name: {{ .name }}
  {{- $extra := ternary (printf ";%s" $db.extraParameters) "" (ne $db.extraParameters "") }}
  {{- $credentials := printf "Username=$(%s_USERNAME);Password=$(%s_PASSWORD)" .prefix .prefix }}
  value: {{ printf "Host=%s;Port=%v;Database=%s;%s%s" $db.host $db.port $db.name $credentials $extra | quote }}
{{- else }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .role.connectionStringKey }}
{{- end }}
{{- end }}

{{/* Secret settings of web and worker: the app role, the download signing key, Data Protection, S3 credentials. */}}
{{- define "starfront.sharedSecretEnv" -}}
{{- $app := dict "root" . "role" .Values.database.app "name" "ConnectionStrings__Platform" "prefix" "STARFRONT_DB_APP" -}}
{{ include "starfront.connectionStringEnv" $app | trim }}
- name: Downloads__SigningKey
  valueFrom:
    secretKeyRef:
      name: {{ required "secrets.downloads.existingSecret is required" .Values.secrets.downloads.existingSecret }}
      key: {{ .Values.secrets.downloads.signingKeyKey }}
- name: DataProtection__Certificate
  value: /secrets/data-protection/certificate.pfx
- name: DataProtection__CertificatePassword
  valueFrom:
    secretKeyRef:
      name: {{ required "secrets.dataProtection.existingSecret is required" .Values.secrets.dataProtection.existingSecret }}
      key: {{ .Values.secrets.dataProtection.passwordKey }}
      optional: true
{{- range $i, $previous := .Values.secrets.dataProtection.previous }}
- name: DataProtection__PreviousCertificates__{{ $i }}__Certificate
  value: /secrets/data-protection-previous-{{ $i }}/certificate.pfx
- name: DataProtection__PreviousCertificates__{{ $i }}__Password
  valueFrom:
    secretKeyRef:
      name: {{ $previous.existingSecret }}
      key: {{ default "password" $previous.passwordKey }}
      optional: true
{{- end }}
{{- if and (eq .Values.files.provider "S3") .Values.files.s3.existingSecret }}
- name: Files__S3__AccessKeyId
  valueFrom:
    secretKeyRef:
      name: {{ .Values.files.s3.existingSecret }}
      key: {{ .Values.files.s3.accessKeyIdKey }}
- name: Files__S3__SecretAccessKey
  valueFrom:
    secretKeyRef:
      name: {{ .Values.files.s3.existingSecret }}
      key: {{ .Values.files.s3.secretAccessKeyKey }}
{{- end }}
{{- end }}

{{/* Volumes of web and worker: /tmp, the Data Protection certificates, the local file store. */}}
{{- define "starfront.sharedVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
- name: data-protection
  secret:
    secretName: {{ .Values.secrets.dataProtection.existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ .Values.secrets.dataProtection.certificateKey }}
        path: certificate.pfx
{{- range $i, $previous := .Values.secrets.dataProtection.previous }}
- name: data-protection-previous-{{ $i }}
  secret:
    secretName: {{ $previous.existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ default "certificate.pfx" $previous.certificateKey }}
        path: certificate.pfx
{{- end }}
{{- if eq .Values.files.provider "Local" }}
- name: files
  persistentVolumeClaim:
    claimName: {{ required "files.local.existingClaim (a ReadWriteMany claim) is required with files.provider Local" .Values.files.local.existingClaim }}
{{- end }}
{{- end }}

{{- define "starfront.sharedVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: data-protection
  mountPath: /secrets/data-protection
  readOnly: true
{{- range $i, $previous := .Values.secrets.dataProtection.previous }}
- name: data-protection-previous-{{ $i }}
  mountPath: /secrets/data-protection-previous-{{ $i }}
  readOnly: true
{{- end }}
{{- if eq .Values.files.provider "Local" }}
- name: files
  mountPath: /data/files
{{- end }}
{{- end }}

{{/* Spread replicas over nodes unless an affinity is given: (dict "root" $ "component" "web" "affinity" .Values.web.affinity). */}}
{{- define "starfront.affinity" -}}
{{- if .affinity }}
{{- toYaml .affinity }}
{{- else }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "starfront.selectorLabels" (dict "root" .root "component" .component) | nindent 12 }}
{{- end }}
{{- end }}
