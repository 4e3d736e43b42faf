//! "Before publishing": what the ClaimReview linter found, shown before the file is
//! written, with a button that goes where each problem is fixed (the publisher
//! profile, the article details, the claim, the rating scheme). The user fixes
//! them and exports again, or exports anyway.

use crate::export::{ExportFormat, FixPlace, LintProblem};
use crate::model::{ClaimId, Session};
use egui::{Modal, RichText, ScrollArea};

/// The dialog's content: the export waiting and what the linter found, grouped once
/// when the dialog opens (not on every frame it is shown).
#[derive(Clone, Debug)]
pub struct BeforePublishing {
    /// The export to write when the user goes on.
    pub format: ExportFormat,
    /// Problems fixed outside the claims, each said once.
    shared: Vec<Shared>,
    /// Each claim's own problems, in the linter's order (article order).
    by_claim: Vec<ClaimProblems>,
}

/// What the user chose.
#[derive(Clone, Debug, PartialEq)]
pub enum PublishChoice {
    /// Go where this is fixed (the claim, when the place is a claim's fields).
    Fix(FixPlace, Option<ClaimId>),
    /// Write the file as it is.
    ExportAnyway,
    /// Neither.
    Cancel,
}

/// A problem that is the same for many claims (the article has no address, the
/// verdict has no numbers): said once, with how many claims it touches.
#[derive(Clone, Debug)]
struct Shared {
    problem: LintProblem,
    claims: usize,
}

/// One claim's problems, under its number and wording.
#[derive(Clone, Debug)]
struct ClaimProblems {
    id: ClaimId,
    number: u64,
    wording: String,
    problems: Vec<LintProblem>,
}

impl BeforePublishing {
    /// Groups what the linter found for `session`: problems fixed outside the claims
    /// each said once (with how many claims they touch), then each claim's own
    /// problems under its number.
    pub fn new(format: ExportFormat, problems: Vec<LintProblem>, session: &Session) -> Self {
        let mut shared: Vec<Shared> = Vec::new();
        let mut by_claim: Vec<ClaimProblems> = Vec::new();
        for p in problems {
            match (p.fix, p.claim.and_then(|id| session.claim(id))) {
                (FixPlace::Claim, Some(claim)) => {
                    match by_claim.iter_mut().find(|c| c.id == claim.id) {
                        Some(c) => c.problems.push(p),
                        None => by_claim.push(ClaimProblems {
                            id: claim.id,
                            number: claim.number,
                            wording: crate::words::cut(claim.text.trim(), 70),
                            problems: vec![p],
                        }),
                    }
                }
                _ => match shared
                    .iter_mut()
                    .find(|s| s.problem.message == p.message && s.problem.fix == p.fix)
                {
                    Some(s) => s.claims += usize::from(p.claim.is_some()),
                    None => shared.push(Shared {
                        claims: usize::from(p.claim.is_some()),
                        problem: p,
                    }),
                },
            }
        }
        Self {
            format,
            shared,
            by_claim,
        }
    }

    /// How many things are missing, as the dialog lists them (a problem shared by
    /// many claims counts once).
    pub fn things_missing(&self) -> usize {
        self.shared.len()
            + self
                .by_claim
                .iter()
                .map(|c| c.problems.len())
                .sum::<usize>()
    }

    /// Draws the dialog; `Some` once the user chose.
    pub fn show(&self, ctx: &egui::Context) -> Option<PublishChoice> {
        let mut choice = None;
        let modal = Modal::new(egui::Id::unique("before-publishing")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading("Before publishing");
            let n = self.things_missing();
            ui.label(format!(
                "The {} is missing {} that Google's fact-check markup needs or recommends. Fix {} here and export again, or export as it is.",
                self.format.label(),
                if n == 1 { "one thing".to_owned() } else { format!("{n} things") },
                if n == 1 { "it" } else { "them" },
            ));
            ui.add_space(6.0);
            ScrollArea::vertical().max_height(380.0).show(ui, |ui| {
                for s in &self.shared {
                    ui.horizontal(|ui| {
                        let touches = match s.claims {
                            0 | 1 => String::new(),
                            n => format!(" ({n} claims)"),
                        };
                        ui.add(egui::Label::new(format!("{}{touches}", in_words(&s.problem))).wrap())
                            .on_hover_text(s.problem.rule.code());
                    });
                    if let Some(label) = button_label(s.problem.fix, None)
                        && ui.button(label).clicked()
                    {
                        choice = Some(PublishChoice::Fix(s.problem.fix, s.problem.claim));
                    }
                    ui.separator();
                }
                for c in &self.by_claim {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(format!("Claim #{}", c.number)).strong());
                        ui.weak(format!("“{}”", c.wording));
                    });
                    for p in &c.problems {
                        ui.horizontal(|ui| {
                            ui.add_space(12.0);
                            ui.add(egui::Label::new(format!("• {}", in_words(p))).wrap())
                                .on_hover_text(p.rule.code());
                        });
                    }
                    if let Some(label) = button_label(FixPlace::Claim, Some(c.number))
                        && ui.button(label).clicked()
                    {
                        choice = Some(PublishChoice::Fix(FixPlace::Claim, Some(c.id)));
                    }
                    ui.separator();
                }
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Export anyway").clicked() {
                    choice = Some(PublishChoice::ExportAnyway);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(PublishChoice::Cancel);
                }
            });
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(PublishChoice::Cancel);
        }
        choice
    }
}

/// The button that goes where a problem is fixed; none when nothing can be opened.
fn button_label(place: FixPlace, claim_number: Option<u64>) -> Option<String> {
    Some(match place {
        FixPlace::PublisherProfile => "Open Preferences".to_owned(),
        FixPlace::ArticleDetails => "Open the article details".to_owned(),
        FixPlace::RatingScheme => "Open the rating scheme".to_owned(),
        FixPlace::Claim => format!("Go to claim #{}", claim_number?),
        FixPlace::Nowhere => return None,
    })
}

/// A problem as a sentence for the app: what to do, without the JSON field's path
/// ("itemReviewed.appearance.url is missing; set the article's address…" becomes
/// "Set the article's address…"), starting with a capital.
fn in_words(problem: &LintProblem) -> String {
    let message = problem.message.trim();
    let what = message
        .split_once(" is missing; ")
        .filter(|(path, _)| !path.contains(' '))
        .map_or(message, |(_, fix)| fix);
    let mut chars = what.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportOptions, lint_claimreview};

    #[test]
    fn shared_problems_are_said_once_and_claim_problems_under_their_claim() {
        let session = crate::sample::sample_session();
        let options = ExportOptions::new(Default::default(), "2026-11-30".into());
        let problems = lint_claimreview(&session, &options);
        let dialog = BeforePublishing::new(ExportFormat::ClaimReview, problems.clone(), &session);
        let (shared, by_claim) = (&dialog.shared, &dialog.by_claim);
        // The article has no address: one line for every claim, not one per claim.
        let article = shared
            .iter()
            .filter(|s| s.problem.fix == FixPlace::ArticleDetails)
            .collect::<Vec<_>>();
        assert_eq!(article.len(), 1, "said once");
        assert!(article[0].claims > 1, "with how many claims it touches");
        assert!(
            shared
                .iter()
                .any(|s| s.problem.fix == FixPlace::PublisherProfile)
        );
        // Each claim once, with its own problems (here: no review page).
        let mut ids: Vec<ClaimId> = by_claim.iter().map(|c| c.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), by_claim.len());
        assert!(by_claim.iter().all(|c| !c.problems.is_empty()));
        // Under the claim's number, never its lasting id.
        for c in by_claim {
            assert_eq!(
                Some(c.number),
                session.claim(c.id).map(|claim| claim.number)
            );
        }
        // The count is of the lines listed, not of the linter's problems.
        assert!(dialog.things_missing() < problems.len());
        assert_eq!(
            button_label(FixPlace::Claim, Some(4)).as_deref(),
            Some("Go to claim #4")
        );
        assert_eq!(button_label(FixPlace::Nowhere, None), None);
        let article = &article[0].problem;
        assert_eq!(
            in_words(article),
            "Set the article's address in File › Article details"
        );
    }
}
