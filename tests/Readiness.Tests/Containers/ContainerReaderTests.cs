using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Containers;

public class ContainerReaderTests
{
    private static Dockerfile Reader() =>
        Dockerfile.Parse(new SourceFile("Containers/reader/Dockerfile", File.ReadAllText(TestPaths.Fixture("Containers/reader/Dockerfile"))));

    [Fact]
    public void Dockerfile_instructions_join_continuations_and_skip_comments()
    {
        var file = Reader();
        file.Errors.ShouldBeEmpty();
        file.Instructions.Select(i => i.Keyword).ShouldBe(["ARG", "FROM", "ENV", "WORKDIR", "RUN", "COPY", "RUN", "FROM", "ARG", "LABEL", "USER", "CMD"]);
        var run = file.Instructions[4];
        (run.Line, run.EndLine).ShouldBe((7, 10));
        run.Body.ShouldContain("apt-get install -y --no-install-recommends gcc");
        run.Body.ShouldNotContain("comments inside");
    }

    [Fact]
    public void Dockerfile_heredocs_are_read_to_their_delimiter()
    {
        var file = Reader();
        var copy = file.Instructions[5];
        copy.Heredocs.ShouldBe(["built by the reader test\n"]);
        (copy.Line, copy.EndLine).ShouldBe((11, 13));
        var script = file.Instructions[6];
        script.Heredocs.ShouldHaveSingleItem().ShouldContain("pip install -r requirements.txt");
        script.EndLine.ShouldBe(17);
        file.Instructions[7].Line.ShouldBe(19);
    }

    [Fact]
    public void Dockerfile_substitutes_global_args_stage_args_and_inherited_env()
    {
        var file = Reader();
        file.Stages.Count.ShouldBe(2);
        file.Stages[0].Image.ShouldBe("python:3.11-slim");
        file.Stages[0].Instructions.Single(i => i.Keyword == "WORKDIR").Expanded.ShouldBe("/srv/app");
        file.Stages[0].Instructions.Single(i => i.Keyword == "ENV").Variables.Select(v => (v.Name, v.Value)).ShouldBe([("APP_HOME", "/srv/app"), ("PIP_NO_CACHE_DIR", "1")]);
        var final = file.Final!;
        final.Alias.ShouldBe("runtime");
        final.Parent.ShouldBe(file.Stages[0]);
        final.Instructions.Single(i => i.Keyword == "LABEL").Variables.Select(v => v.Value).ShouldBe(["3.11", "/srv/app"]);
        final.Instructions.Single(i => i.Keyword == "USER").Expanded.ShouldBe("10001");
        final.Instructions.Single(i => i.Keyword == "CMD").ExecForm.ShouldBe(["gunicorn", "coco.wsgi", "--bind", "0.0.0.0:8000"]);
    }

    [Fact]
    public void Compose_merges_the_production_file_over_the_base_with_dotenv_and_extends()
    {
        var scan = IacFixtureVerifier.Scan("Containers/reader/compose");
        scan.Coverage.Gaps.ShouldBeEmpty();
        var configurations = scan.Containers.Compose;
        configurations.Select(c => (c.Display, c.Production)).ShouldBe([
            ("Containers/reader/compose/docker-compose.yml", false),
            ("Containers/reader/compose/docker-compose.yml + Containers/reader/compose/docker-compose.prod.yml", true),
        ]);
        configurations[1].Why.ShouldContain("docker-compose.prod.yml is named for production");

        var local = configurations[0].Services.ToDictionary(s => s.Name);
        local["db"].Image!.Value.ShouldBe("postgres:14");
        local["db"].Ports.ShouldHaveSingleItem().Value.ShouldBe("15434:5432");
        local["db"].Environment["POSTGRES_PASSWORD"].Value.ShouldBe("from-dotenv");
        local["db"].Environment["POSTGRES_PASSWORD"].Line.ShouldBe(8);
        local["api"].Image!.Value.ShouldBe("coco-api:");
        local["api"].Image!.Unresolved.ShouldBeTrue();
        local["api"].Image!.File.ShouldBe("Containers/reader/compose/common.yml");
        local["api"].HasRestartPolicy.ShouldBeTrue();
        local["api"].BuildContext!.Value.ShouldBe("Containers");
        local["api"].Environment["DEBUG"].Value.ShouldBe("$NOT_INTERPOLATED");

        var production = configurations[1].Services.ToDictionary(s => s.Name);
        production["db"].Ports.Select(p => (p.Value, p.File.EndsWith("prod.yml", StringComparison.Ordinal), p.Line)).ShouldBe([("15434:5432", false, 5), ("127.0.0.1:5435:5432", true, 4)]);
        production["db"].Restart!.Value.ShouldBe("unless-stopped");
        production["api"].Environment["DEBUG"].Value.ShouldBe("False");
        production["api"].Environment["DEBUG"].File.ShouldEndWith("docker-compose.prod.yml");
    }

    [Theory]
    [InlineData("docker-compose.yml", null)]
    [InlineData("compose.yaml", null)]
    [InlineData("docker-compose.prod.yml", "prod")]
    [InlineData("docker-compose-production.yaml", "production")]
    [InlineData("compose.override.yml", "override")]
    public void Compose_file_variant_is_the_word_after_compose(string name, string? variant)
    {
        ComposeFile.IsComposeFile(name).ShouldBeTrue();
        ComposeFile.Variant(name).ShouldBe(variant);
    }
}
