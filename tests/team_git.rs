//! Team work through git, as a desk would do it: a real repository in a temporary
//! folder, Claimdesk's drivers installed by `claimdesk git-setup`, two branches of one
//! session, and `git merge`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::export::{ExportFormat, ExportOptions, export};
use claimdesk::model::{ClaimField, ConflictSubject, Resolution, Session, Side};
use claimdesk::store::{load_session, save_session};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

const ARTICLE: &str = "Budget row deepens\n\n\
The minister said unemployment fell to 4.2 percent last year. \
Critics disagree with the figure.\n\n\
Schools got a record budget of 3 billion euros, the ministry said. \
The opposition called the plan reckless.\n\n\
Rail spending doubled since 2019, according to the transport office.\n";

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("home")).unwrap();
        let repo = Self { dir };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Ada Ngozi"]);
        repo.git(&["config", "user.email", "ada@desk.example"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn session(&self) -> PathBuf {
        self.path().join("check.ron")
    }

    /// A command run in the repository, isolated from the user's own git config.
    fn command(&self, program: &str) -> Process {
        let mut c = Process::new(program);
        c.current_dir(self.path())
            .env("HOME", self.path().join("home"))
            .env("XDG_CONFIG_HOME", self.path().join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("CLAIMDESK_CONFIG_DIR", self.path().join("home"))
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        c
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        self.command(program).args(args).output().unwrap()
    }

    fn git(&self, args: &[&str]) -> Output {
        let out = self.run("git", args);
        assert!(
            out.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// `git merge`, which may stop on conflicts.
    fn merge(&self, branch: &str) -> Output {
        self.run("git", &["merge", "--no-edit", branch])
    }

    fn claimdesk(&self, args: &[&str]) -> String {
        let out = self.run(env!("CARGO_BIN_EXE_claimdesk"), args);
        assert!(
            out.status.success(),
            "claimdesk {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Edits the session with `claimdesk edit`.
    fn edit(&self, args: &[&str]) -> String {
        let mut all = vec!["edit", "check.ron"];
        all.extend_from_slice(args);
        self.claimdesk(&all)
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn load(&self) -> Session {
        let (loaded, _) = load_session(&self.session()).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        loaded.session
    }

    /// A repository with the drivers set up and a committed session of two claims.
    fn with_session() -> Self {
        let repo = Self::new();
        let said = repo.claimdesk(&["git-setup"]);
        assert!(said.contains("merge.claimdesk.driver"), "{said}");
        assert!(
            said.contains(&format!("Added \"{}\"", claimdesk::cli::ATTRIBUTES_LINE)),
            "{said}"
        );
        std::fs::write(repo.path().join("article.txt"), ARTICLE).unwrap();
        repo.claimdesk(&["new", "article.txt", "-o", "check.ron"]);
        let first = repo.edit(&["--new-claim", "unemployment fell to 4.2 percent last year"]);
        assert_eq!(first.trim(), "1");
        let second = repo.edit(&[
            "--new-claim",
            "Schools got a record budget of 3 billion euros",
        ]);
        assert_eq!(second.trim(), "2");
        repo.commit("Start the check");
        repo
    }
}

fn verdict(s: &Session, number: u64) -> &str {
    &s.claim_by_number(number).unwrap().status
}

#[test]
fn two_branches_merge_cleanly_and_the_result_holds_everything() {
    let repo = Repo::with_session();
    repo.git(&["checkout", "-q", "-b", "ben"]);
    // Ben: a new claim, a verdict, a source, and a corrected article.
    let ben = repo.edit(&[
        "--new-claim",
        "Rail spending doubled since 2019",
        "--status",
        "false",
        "--reviewer",
        "Ben Okafor",
        "--verdict-date",
        "2026-11-29",
    ]);
    assert_eq!(ben.trim(), "3");
    repo.edit(&[
        "--claim",
        "2",
        "--add-source",
        "https://budget.example/schools",
        "--stance",
        "supports",
    ]);
    let corrected = ARTICLE.replace(
        "Budget row deepens\n\n",
        "Budget row deepens\n\nCorrection: an earlier version misstated the rail figures.\n\n",
    );
    std::fs::write(repo.path().join("article-v2.txt"), &corrected).unwrap();
    repo.claimdesk(&["reanchor", "check.ron", "article-v2.txt"]);
    repo.commit("Ben: rail claim, schools source, correction");

    repo.git(&["checkout", "-q", "main"]);
    // Ada: her own new claim, a verdict on claim 1, and a note on claim 2.
    let ada = repo.edit(&["--new-claim", "The opposition called the plan reckless"]);
    assert_eq!(ada.trim(), "3", "both sides made a claim #3");
    repo.edit(&[
        "--claim",
        "1",
        "--status",
        "mostly-true",
        "--reviewer",
        "Ada Ngozi",
        "--verdict-date",
        "2026-11-30",
    ]);
    repo.edit(&["--claim", "2", "--note", "Checked against the 2026 budget"]);
    repo.commit("Ada: opposition claim, verdict, note");

    let out = repo.merge("ben");
    assert!(
        out.status.success(),
        "the merge should be clean: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let s = repo.load();
    assert!(s.conflicts.is_empty());
    assert_eq!(s.claims.len(), 4, "everything from both sides");
    assert!(s.article.text.contains("Correction: an earlier version"));
    for c in &s.claims {
        assert!(
            c.anchor.matches(&s.article.text),
            "claim #{} placed",
            c.number
        );
        assert!(!c.needs_review);
    }
    assert_eq!(verdict(&s, 1), "mostly-true");
    let two = s.claim_by_number(2).unwrap();
    assert_eq!(two.note, "Checked against the 2026 budget");
    assert_eq!(two.sources.len(), 1);
    let rail = s
        .claims
        .iter()
        .find(|c| c.text.starts_with("Rail"))
        .unwrap();
    assert_eq!(
        (rail.status.as_str(), rail.verdict_by.as_str()),
        ("false", "Ben Okafor")
    );
    let mut numbers: Vec<u64> = s.claims.iter().map(|c| c.number).collect();
    numbers.sort();
    assert_eq!(numbers, [1, 2, 3, 4], "the two claims #3 were told apart");
    assert!(export(&s, ExportFormat::Csv, &ExportOptions::default()).is_ok());

    // git diff reads as a change log of the fact-check: what the merge brought in
    // from Ben's branch, and what Ada did before it.
    let out = repo.git(&["diff", "HEAD~1", "HEAD", "--", "check.ron"]);
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.contains("added (False): \"Rail spending doubled since 2019\""),
        "{diff}"
    );
    assert!(
        diff.contains("Claim #2 source added: https://budget.example/schools (supports)"),
        "{diff}"
    );
    assert!(diff.contains("+ Correction: an earlier version"), "{diff}");
    assert!(!diff.contains("anchor:"), "no raw lines: {diff}");
    let out = repo.git(&["diff", "HEAD~2", "HEAD~1", "--", "check.ron"]);
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.contains("Claim #1 verdict: Unverified → Mostly true (by Ada Ngozi, 2026-11-30)"),
        "{diff}"
    );
    assert!(
        diff.contains("Claim #2 note: \"\" → \"Checked against the 2026 budget\""),
        "{diff}"
    );
}

#[test]
fn conflicting_verdicts_stop_git_and_leave_a_session_that_opens() {
    let repo = Repo::with_session();
    repo.git(&["checkout", "-q", "-b", "ben"]);
    repo.edit(&[
        "--claim",
        "1",
        "--status",
        "false",
        "--reviewer",
        "Ben Okafor",
    ]);
    repo.edit(&["--claim", "2", "--note", "Ben's note"]);
    repo.commit("Ben: false");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(&[
        "--claim",
        "1",
        "--status",
        "true",
        "--reviewer",
        "Ada Ngozi",
    ]);
    repo.edit(&["--claim", "2", "--note", "Ada's note"]);
    repo.edit(&["--new-claim", "Critics disagree with the figure"]);
    repo.commit("Ada: true");

    let out = repo.merge("ben");
    assert!(!out.status.success(), "git stops on the conflict");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("CONFLICT") && said.contains("check.ron"),
        "{said}"
    );
    assert!(said.contains("2 conflicts to resolve"), "{said}");
    let text = std::fs::read_to_string(repo.session()).unwrap();
    assert!(!text.contains("<<<<<<<"), "never raw markers");
    let mut s = repo.load();
    assert_eq!(s.claims.len(), 3, "the clean part merged");
    assert_eq!(s.conflicts.len(), 2);
    let one = s.claim_by_number(1).unwrap().id;
    let about = ConflictSubject::ClaimField {
        claim: one,
        field: ClaimField::Verdict,
    };
    let conflict = s.conflict(&about).unwrap();
    assert_eq!(
        (conflict.ours.by.as_str(), conflict.theirs.by.as_str()),
        ("Ada Ngozi", "Ben Okafor")
    );
    assert_eq!(
        (conflict.ours.label.as_str(), conflict.theirs.label.as_str()),
        ("main", "ben"),
        "the sides are named after the branches"
    );
    assert_eq!(
        verdict(&s, 1),
        "unverified",
        "undecided until someone picks"
    );
    let err = export(&s, ExportFormat::Csv, &ExportOptions::default()).unwrap_err();
    assert!(err.to_string().contains("merge conflict"), "{err}");

    // The CLI lists them; the library settles them (as the app does), undoably.
    let listed = repo.claimdesk(&["resolve", "check.ron"]);
    assert!(listed.contains("1. claim #1: verdict"), "{listed}");
    assert!(
        listed.contains("ours (main): True (by Ada Ngozi"),
        "{listed}"
    );
    assert!(
        listed.contains("theirs (ben): False (by Ben Okafor"),
        "{listed}"
    );
    apply(
        &mut s,
        Command::ResolveConflict {
            about,
            resolution: Resolution::Pick(Side::Theirs),
        },
    )
    .unwrap();
    let note = s.conflicts[0].about.clone();
    apply(
        &mut s,
        Command::ResolveConflict {
            about: note,
            resolution: Resolution::Pick(Side::Ours),
        },
    )
    .unwrap();
    save_session(&repo.session(), &s, None).unwrap();
    let s = repo.load();
    assert_eq!(verdict(&s, 1), "false");
    assert_eq!(s.claim_by_number(2).unwrap().note, "Ada's note");
    assert!(export(&s, ExportFormat::ClaimReview, &ExportOptions::default()).is_ok());
    repo.commit("Merge ben, conflicts resolved");
    let out = repo.run(
        env!("CARGO_BIN_EXE_claimdesk"),
        &["export", "check.ron", "--format", "csv"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn deleted_on_one_branch_and_edited_on_the_other_is_kept_for_a_person_to_decide() {
    let repo = Repo::with_session();
    repo.git(&["checkout", "-q", "-b", "ben"]);
    repo.edit(&["--claim", "2", "--claimant", "the ministry"]);
    repo.commit("Ben: claimant");
    repo.git(&["checkout", "-q", "main"]);
    let mut s = repo.load();
    let two = s.claim_by_number(2).unwrap().id;
    apply(&mut s, Command::DeleteClaim(two)).unwrap();
    save_session(&repo.session(), &s, None).unwrap();
    repo.commit("Ada: delete claim 2");
    let out = repo.merge("ben");
    assert!(!out.status.success());
    let s = repo.load();
    assert_eq!(s.claim(two).unwrap().claimant, "the ministry", "kept");
    assert_eq!(s.conflicts.len(), 1);
    // Settled from the command line.
    let said = repo.claimdesk(&["resolve", "check.ron", "1", "--pick", "ours"]);
    assert!(said.contains("0 left"), "{said}");
    assert!(repo.load().claim(two).is_none());
}

#[test]
fn both_branches_correcting_the_article_differently_keep_both_texts() {
    let repo = Repo::with_session();
    for (branch, fix) in [("ben", "Ben's correction."), ("main", "Ada's correction.")] {
        if branch == "ben" {
            repo.git(&["checkout", "-q", "-b", "ben"]);
        } else {
            repo.git(&["checkout", "-q", "main"]);
        }
        let text = format!("{ARTICLE}\n{fix}\n");
        std::fs::write(repo.path().join("new.txt"), text).unwrap();
        repo.claimdesk(&["reanchor", "check.ron", "new.txt"]);
        repo.commit(branch);
    }
    let out = repo.merge("ben");
    assert!(!out.status.success());
    let mut s = repo.load();
    assert!(
        !s.article.text.contains("correction."),
        "the text both started from"
    );
    assert_eq!(s.conflicts.len(), 1);
    apply(
        &mut s,
        Command::ResolveConflict {
            about: ConflictSubject::ArticleText,
            resolution: Resolution::Pick(Side::Theirs),
        },
    )
    .unwrap();
    assert!(s.article.text.contains("Ben's correction."));
    assert!(s.claims.iter().all(|c| c.anchor.matches(&s.article.text)));
}

#[test]
fn git_setup_says_what_it_did_and_is_idempotent() {
    let repo = Repo::new();
    repo.claimdesk(&["git-setup"]);
    let again = repo.claimdesk(&["git-setup"]);
    assert!(again.contains("already has"), "{again}");
    let attributes = std::fs::read_to_string(repo.path().join(".gitattributes")).unwrap();
    assert_eq!(attributes, format!("{}\n", claimdesk::cli::ATTRIBUTES_LINE));
    let driver = repo.git(&["config", "merge.claimdesk.driver"]);
    let driver = String::from_utf8(driver.stdout).unwrap();
    assert!(driver.contains("merge %O %A %B -o %A"), "{driver}");
    assert!(
        driver.contains("--ours-label %X --theirs-label %Y"),
        "{driver}"
    );
    // --global writes the user's config and attributes file (HOME is the test's).
    let global = repo.claimdesk(&["git-setup", "--global"]);
    assert!(global.contains("--global"), "{global}");
    let file = repo.path().join("home").join("git").join("attributes");
    assert!(
        std::fs::read_to_string(file)
            .unwrap()
            .contains("merge=claimdesk")
    );
    // Outside a repository, without --global: a clear refusal.
    let outside = tempfile::tempdir().unwrap();
    let out = Process::new(env!("CARGO_BIN_EXE_claimdesk"))
        .arg("git-setup")
        .current_dir(outside.path())
        .env("GIT_CEILING_DIRECTORIES", outside.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not inside a git repository"));
}
