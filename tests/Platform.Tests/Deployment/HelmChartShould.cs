using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static Platform.Tests.Deployment.DeploymentManifest;

namespace Platform.Tests.Deployment;

/// <summary>
/// The chart <c>helm/starfront</c> rendered by the real Helm with its default values, the production-like CI values and
/// both examples: what a cluster would get, checked object by object (docs/deployment.md, "What CI checks").
/// </summary>
public sealed partial class HelmChartShould
{
    private static readonly string[] WebAndWorker = ["starfront-web", "starfront-worker"];

    /// <summary>Value sets: a name and the value files (relative to the chart) it renders with.</summary>
    public static TheoryData<string> ValueSets => ["default", "production", "external-postgres", "cloudnativepg"];

    private static string[] FilesOf(string valueSet) => valueSet switch
    {
        "default" => [],
        "production" => ["ci/production-values.yaml"],
        _ => [$"examples/{valueSet}.yaml"],
    };

    private static Task<IReadOnlyList<DeploymentManifest>> RenderAsync(string valueSet, params string[] sets) =>
        DeploymentHelm.TemplateAsync(FilesOf(valueSet), sets);

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Pass_helm_lint_strict(string valueSet)
    {
        List<string> arguments = ["lint", "--strict", DeploymentHelm.ChartPath];
        foreach (var file in FilesOf(valueSet))
        {
            arguments.AddRange(["--values", Path.Combine(DeploymentHelm.ChartPath, file)]);
        }

        Assert.Contains("0 chart(s) failed", await DeploymentHelm.RunAsync([.. arguments]), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Render_a_web_and_a_worker_deployment_each_with_an_autoscaler_and_a_disruption_budget(string valueSet)
    {
        var manifests = await RenderAsync(valueSet);
        foreach (var name in WebAndWorker)
        {
            Assert.Contains(manifests, m => m.Kind == "Deployment" && m.Name == name);
            var autoscaler = Assert.Single(manifests, m => m.Kind == "HorizontalPodAutoscaler" && m.Name == name);
            Assert.Equal(name, Text(autoscaler.Root, "spec", "scaleTargetRef", "name"));
            Assert.Single(manifests, m => m.Kind == "PodDisruptionBudget" && m.Name == name);
        }

        Assert.Contains(manifests, m => m.Kind == "Service" && m.Name == "starfront-web");
        var ingress = Assert.Single(manifests, m => m.Kind == "Ingress");
        Assert.NotNull(Text(Sequence(ingress.Root, "spec", "tls").First(), "secretName"));
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Run_the_migrations_as_a_pre_install_and_pre_upgrade_hook_with_the_owner_role_which_no_long_running_pod_gets(string valueSet)
    {
        var manifests = await RenderAsync(valueSet);
        var job = Assert.Single(manifests, m => m.Kind == "Job");
        Assert.Equal("pre-install,pre-upgrade", Text(job.Root, "metadata", "annotations", "helm.sh/hook"));
        Assert.Contains("before-hook-creation", Text(job.Root, "metadata", "annotations", "helm.sh/hook-delete-policy"), StringComparison.Ordinal);
        var container = Assert.Single(job.Containers);
        Assert.Equal(["migrate"], Sequence(container, "args").Select(a => ((YamlScalarNode)a).Value));
        var ownerSecret = valueSet switch
        {
            "cloudnativepg" => "starfront-db-app", // CNPG's database owner Secret, "<cluster>-app"
            _ => "starfront-db-owner",
        };
        var env = Environment(container).ToList();
        Assert.Contains(env, e => e.Name == "ConnectionStrings__PlatformMigrations");
        Assert.Contains(env, e => e.From is not null && Text(e.From, "secretKeyRef", "name") == ownerSecret);
        Assert.Contains(env, e => e.Name == "ConnectionStrings__Platform"); // the role the migrator grants data rights to

        foreach (var deployment in manifests.Where(m => m.Kind == "Deployment"))
        {
            foreach (var variable in deployment.Containers.SelectMany(Environment))
            {
                Assert.NotEqual("ConnectionStrings__PlatformMigrations", variable.Name);
                Assert.NotEqual(ownerSecret, Text(variable.From, "secretKeyRef", "name"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Give_every_long_running_container_startup_liveness_and_readiness_probes_on_its_health_endpoints(string valueSet)
    {
        var manifests = await RenderAsync(valueSet, "sandbox.enabled=true");
        var deployments = manifests.Where(m => m.Kind == "Deployment").ToList();
        Assert.Equal(3, deployments.Count);
        foreach (var container in deployments.SelectMany(d => d.Containers))
        {
            foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
            {
                Assert.StartsWith("/health/", Text(container, probe, "httpGet", "path"), StringComparison.Ordinal);
            }
        }

        var web = Assert.Single(deployments.Single(d => d.Name == "starfront-web").Containers);
        Assert.Equal("/health/live", Text(web, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/health/ready", Text(web, "readinessProbe", "httpGet", "path"));
        // Host filtering refuses the pod's IP as Host: the probes name the first public host.
        Assert.Equal("Host", Text(Sequence(web, "readinessProbe", "httpGet", "httpHeaders").First(), "name"));

        var worker = Assert.Single(deployments.Single(d => d.Name == "starfront-worker").Containers);
        Assert.Equal("/health/ready", Text(worker, "readinessProbe", "httpGet", "path"));
        Assert.Equal("health", Text(worker, "readinessProbe", "httpGet", "port"));
        var healthPort = Sequence(worker, "ports").Single(p => Text(p, "name") == "health");
        Assert.Equal(Environment(worker).Single(e => e.Name == "Health__Port").Value, Text(healthPort, "containerPort"));
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Run_every_pod_as_non_root_with_a_read_only_root_no_privilege_escalation_and_no_capabilities(string valueSet)
    {
        var manifests = await RenderAsync(valueSet, "sandbox.enabled=true");
        var pods = manifests.Where(m => m.PodSpec is not null).ToList();
        Assert.Equal(4, pods.Count); // web, worker, sandbox, migrate
        foreach (var pod in pods)
        {
            Assert.Equal("true", Text(pod.PodSpec, "securityContext", "runAsNonRoot"));
            Assert.NotEqual("0", Text(pod.PodSpec, "securityContext", "runAsUser"));
            Assert.Equal("RuntimeDefault", Text(pod.PodSpec, "securityContext", "seccompProfile", "type"));
            Assert.Equal("false", Text(pod.PodSpec, "automountServiceAccountToken"));
            var tmp = Sequence(pod.PodSpec, "volumes").Single(v => Text(v, "name") == "tmp");
            Assert.NotNull(Node(tmp, "emptyDir"));
            foreach (var container in pod.Containers)
            {
                var context = $"{pod}/{Text(container, "name")}";
                Assert.True(Text(container, "securityContext", "runAsNonRoot") == "true", context);
                Assert.True(Text(container, "securityContext", "allowPrivilegeEscalation") == "false", context);
                Assert.True(Text(container, "securityContext", "readOnlyRootFilesystem") == "true", context);
                Assert.True(Text(container, "securityContext", "seccompProfile", "type") == "RuntimeDefault", context);
                var dropped = Sequence(container, "securityContext", "capabilities", "drop").Select(d => ((YamlScalarNode)d).Value);
                Assert.True(dropped.SequenceEqual(["ALL"]), context);
                Assert.Contains(Sequence(container, "volumeMounts"), m => Text(m, "mountPath") == "/tmp");
                Assert.NotNull(Node(container, "resources", "requests"));
                Assert.NotNull(Node(container, "resources", "limits"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Keep_every_secret_out_of_plain_values_config_maps_and_rendered_secrets(string valueSet)
    {
        var manifests = await RenderAsync(valueSet, "sandbox.enabled=true", "sandbox.accessToken.existingSecret=sandbox-token");
        Assert.DoesNotContain(manifests, m => m.Kind == "Secret");
        foreach (var map in manifests.Where(m => m.Kind == "ConfigMap"))
        {
            foreach (var (key, value) in ((YamlMappingNode?)Node(map.Root, "data") ?? new YamlMappingNode()).Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                Assert.False(SecretLike(name), $"{map}: {name} is a secret and must come from a Secret");
                Assert.False(HoldsPassword(((YamlScalarNode)value).Value), $"{map}: {name} holds a password");
            }
        }

        foreach (var container in manifests.SelectMany(m => m.Containers))
        {
            foreach (var (name, value, from) in Environment(container))
            {
                if (value is null)
                {
                    Assert.NotNull(Node(from, "secretKeyRef") ?? Node(from, "configMapKeyRef") ?? Node(from, "fieldRef"));
                    continue;
                }

                // Plain values may name where a secret is (a mounted file's path, a connection string whose password is
                // $(VAR) from a secretKeyRef), never hold one.
                Assert.False(HoldsPassword(value), $"{name} holds a password in plain text");
                var reference = value.StartsWith("/secrets/", StringComparison.Ordinal) || value.Contains("Password=$(", StringComparison.Ordinal);
                Assert.False(SecretLike(name) && !reference, $"{name} is a secret given as a plain value");
            }
        }
    }

    [Fact]
    public async Task Compose_connection_strings_from_secret_references_when_a_database_host_is_given()
    {
        var manifests = await RenderAsync("cloudnativepg");
        var worker = manifests.Single(m => m.Kind == "Deployment" && m.Name == "starfront-worker").Containers.Single();
        var env = Environment(worker).ToList();
        var platform = env.Single(e => e.Name == "ConnectionStrings__Platform").Value;
        Assert.Equal("Host=starfront-db-rw;Port=5432;Database=app;Username=$(STARFRONT_DB_APP_USERNAME);Password=$(STARFRONT_DB_APP_PASSWORD);SSL Mode=Require",
            platform);
        // Kubernetes expands $(VAR) only from variables defined earlier in the list.
        var password = env.FindIndex(e => e.Name == "STARFRONT_DB_APP_PASSWORD");
        Assert.InRange(password, 0, env.FindIndex(e => e.Name == "ConnectionStrings__Platform") - 1);
        Assert.Equal("starfront-db-app-role", Text(env[password].From, "secretKeyRef", "name"));
    }

    [Fact]
    public async Task Render_the_service_monitor_only_when_metrics_and_the_monitor_are_enabled()
    {
        Assert.DoesNotContain(await RenderAsync("default"), m => m.Kind == "ServiceMonitor");
        Assert.DoesNotContain(await RenderAsync("default", "metrics.enabled=true"), m => m.Kind == "ServiceMonitor");
        var production = await RenderAsync("production");
        var monitor = Assert.Single(production, m => m.Kind == "ServiceMonitor");
        var endpoint = Sequence(monitor.Root, "spec", "endpoints").Single();
        Assert.Equal("/metrics", Text(endpoint, "path"));
        Assert.Equal("metrics", Text(endpoint, "port"));
        // Both Services it selects expose the metrics port.
        Assert.All(WebAndWorker, name => Assert.Contains(
            Sequence(production.Single(m => m.Kind == "Service" && m.Name == name).Root, "spec", "ports"), p => Text(p, "name") == "metrics"));
    }

    [Fact]
    public async Task Deploy_the_sandbox_only_when_enabled_and_then_point_the_platform_at_it()
    {
        var standard = await RenderAsync("default");
        Assert.DoesNotContain(standard, m => m.Name.Contains("sandbox", StringComparison.Ordinal));
        Assert.Null(Text(standard.Single(m => m.Kind == "ConfigMap").Root, "data", "Telegram__BaseUrl"));

        var withSandbox = await RenderAsync("default", "sandbox.enabled=true");
        Assert.Single(withSandbox, m => m.Kind == "Deployment" && m.Name == "starfront-sandbox");
        Assert.Single(withSandbox, m => m.Kind == "Service" && m.Name == "starfront-sandbox");
        Assert.Equal("http://starfront-sandbox:80", Text(withSandbox.Single(m => m.Kind == "ConfigMap").Root, "data", "Telegram__BaseUrl"));
    }

    [Fact]
    public async Task Pass_the_worker_count_and_queues_to_the_worker_and_refuse_queues_without_default()
    {
        var worker = (await RenderAsync("production")).Single(m => m.Kind == "Deployment" && m.Name == "starfront-worker").Containers.Single();
        var env = Environment(worker).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("20", env["Jobs__WorkerCount"]);
        Assert.Equal("default", env["Jobs__Queues__0"]);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync("default", "worker.hangfire.queues={critical}"));
        Assert.Contains("must include \"default\"", refused.Message, StringComparison.Ordinal);
    }

    private static bool SecretLike(string name) => SecretName().IsMatch(name);

    /// <summary>A literal password in a connection string (a <c>$(VAR)</c> reference is fine).</summary>
    private static bool HoldsPassword(string? value) => value is not null && LiteralPassword().IsMatch(value);

    [GeneratedRegex("(Password|SigningKey|SecretAccessKey|AccessKeyId|AccessToken|ConnectionStrings|Certificate$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(Password|Pwd)\s*=\s*(?!\$\()[^;]+", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralPassword();
}
