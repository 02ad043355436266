//! Adoption (issue 5): a content repository starts using factcheck. It adds
//! a factcheck.toml, accepts today's findings in a baseline, is held to it
//! for new claims, and silences a deliberate one with an inline marker.

use crate::config::{Repo, LANDMARKS_CSV};

#[test]
fn a_content_repository_adopts_factcheck() {
    let repo = Repo::new();
    repo.write(
        "factcheck.toml",
        "# Our fact-checking settings.\nrefs = [\"refs/\"]\narticles = [\"content/**/*.md\"]\nformat = \"github\"\n",
    )
    .write("refs/landmarks.csv", LANDMARKS_CSV)
    .write(
        "content/2023/towers.md",
        "# Towers\n\nThe Eiffel Tower was completed in 1889. It is located in Paris.\n\n\
         Some say the Eiffel Tower was completed in 1899.\n",
    )
    .write("content/space.md", "# Space\n\nNASA was founded in 1958.\n")
    .write("drafts/ignored.md", "NASA was founded in 1901.\n");

    // 1. With no arguments, the config names the articles and tables: the old
    //    contradiction fails the run.
    let (code, out, err) = repo.run("", &["check"]);
    assert_eq!((code, err.as_str()), (1, ""));
    assert_eq!(
        out,
        "::error file=content/2023/towers.md,line=5,col=1,title=factcheck contradicted::\
         Some say the Eiffel Tower was completed in 1899. \u{2014} date differs: claim 1899, reference 1889 (ref L1)\n"
    );

    // 2. Accept today's findings.
    let (code, _, err) = repo.run("", &["check", "--write-baseline", ".factcheck-baseline.json"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "factcheck: wrote 1 finding to the baseline .factcheck-baseline.json\n"
    );

    // 3. With the baseline, the run is clean, from any directory below.
    assert_eq!(
        repo.run("", &["check", "--baseline", ".factcheck-baseline.json"]),
        (0, String::new(), String::new())
    );
    let (code, out, _) = repo.run(
        "content/2023",
        &["check", "--baseline", "../../.factcheck-baseline.json"],
    );
    assert_eq!((code, out.as_str()), (0, ""));

    // 4. A new contradicted claim fails again, and only it is reported.
    repo.write(
        "content/space.md",
        "# Space\n\nNASA was founded in 1958.\n\nThe Great Wall of China is visible from the Moon with the naked eye.\n",
    );
    let (code, out, _) = repo.run("", &["check", "--baseline", ".factcheck-baseline.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "::error file=content/space.md,line=5,col=1,title=factcheck contradicted::\
         The Great Wall of China is visible from the Moon with the naked eye. \u{2014} \
         matches a statement rated false (ref L4)\n"
    );

    // 5. The author quotes the myth on purpose and says so inline.
    repo.write(
        "content/space.md",
        "# Space\n\nNASA was founded in 1958.\n\n<!-- factcheck: ignore -->\n\
         The Great Wall of China is visible from the Moon with the naked eye.\n",
    );
    assert_eq!(
        repo.run("", &["check", "--baseline", ".factcheck-baseline.json"]),
        (0, String::new(), String::new())
    );
}
