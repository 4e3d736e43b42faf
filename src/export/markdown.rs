//! The Markdown report: title and source, a verdict summary with text bars, then each
//! claim (headed with its number, `Claim #4`) with its quote in context, verdict,
//! claimant, sources and note. With [`ExportOptions::reviewed_only`] the claims not
//! yet reviewed are left out, from the summary too.
//!
//! Every piece of session text goes through [`escape::markdown`], so a claim containing
//! `<script>` or `*stars*` renders as written.

use super::ExportOptions;
use super::context::quote_in_context;
use super::escape::{linkable_url, markdown as md, markdown_lines, markdown_url};
use super::report;
use super::summary::verdict_counts;
use crate::model::{Claim, Session};
use std::fmt::Write as _;

/// Width of the longest bar, in block characters.
const BAR_WIDTH: usize = 20;

/// The report as Markdown text (CommonMark with a GitHub-style table).
pub fn to_markdown(original: &Session, options: &ExportOptions) -> String {
    let published = report::published(original, options);
    let session = &*published;
    let mut out = String::new();
    header(&mut out, session, options);
    summary(&mut out, session);
    let _ = writeln!(out, "## Claims\n");
    if session.claims.is_empty() {
        let _ = writeln!(out, "{}\n", report::no_claims_sentence(original));
    }
    for claim in &session.claims {
        claim_section(&mut out, session, claim);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn header(out: &mut String, session: &Session, options: &ExportOptions) {
    let _ = writeln!(out, "# Fact check: {}\n", md(&session.article.title));
    let mut facts = Vec::new();
    // The article by its title, site and address; never a path on this machine.
    let a = &session.article;
    let url = options.article_url_of(session).unwrap_or("");
    let mut article = link(&a.title, url);
    for extra in [a.meta.site.trim(), a.meta.byline.trim()] {
        if !extra.is_empty() {
            article.push_str(&format!(", {}", md(extra)));
        }
    }
    if !a.meta.published.trim().is_empty() {
        article.push_str(&format!(", published {}", md(a.meta.published.trim())));
    }
    facts.push(format!("**Article:** {article}"));
    if linkable_url(url).is_some() {
        facts.push(format!("**Address:** {}", md(url)));
    }
    facts.push(format!(
        "**Article SHA-256:** {}",
        md(&session.article.origin.sha256)
    ));
    let p = &options.publisher;
    if !p.organisation_name.trim().is_empty() {
        facts.push(format!(
            "**Published by:** {}",
            link(&p.organisation_name, &p.organisation_url)
        ));
    }
    if !p.reviewer_name.trim().is_empty() {
        facts.push(format!("**Reviewer:** {}", md(p.reviewer_name.trim())));
    }
    if !options.date.trim().is_empty() {
        facts.push(format!("**Date:** {}", md(options.date.trim())));
    }
    facts.push(format!("**Rating scheme:** {}", md(&session.scheme.name)));
    let _ = writeln!(out, "{}\n", facts.join("  \n"));
}

fn summary(out: &mut String, session: &Session) {
    let counts: Vec<_> = verdict_counts(session)
        .into_iter()
        .filter(|c| c.count > 0)
        .collect();
    let _ = writeln!(out, "## Verdicts\n");
    let _ = writeln!(out, "{}\n", md(&session.summary()));
    if counts.is_empty() {
        return;
    }
    let max = counts.iter().map(|c| c.count).max().unwrap_or(1).max(1);
    let _ = writeln!(out, "| Verdict | Claims | |\n| --- | ---: | --- |");
    for c in &counts {
        // At least one block for any non-zero count, so small counts stay visible.
        let width = (c.count * BAR_WIDTH).div_ceil(max);
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            md(&c.name),
            c.count,
            "█".repeat(width)
        );
    }
    out.push('\n');
}

fn claim_section(out: &mut String, session: &Session, claim: &Claim) {
    let verdict = session.scheme.name_of(&claim.status);
    let _ = writeln!(
        out,
        "### Claim #{}: {}\n",
        claim.number,
        md(claim.text.trim())
    );
    let mut facts = vec![format!("**Verdict:** {}", md(verdict))];
    if !claim.claimant.trim().is_empty() {
        facts.push(format!("**Claimant:** {}", md(claim.claimant.trim())));
    }
    if let Some(page) = session
        .article
        .page_label(claim.anchor.start..claim.anchor.end)
    {
        facts.push(format!("**Where:** {page} of the PDF"));
    }
    if claim.needs_review {
        facts.push("**Needs review:** the article changed around this claim".to_owned());
    }
    let _ = writeln!(out, "{}\n", facts.join("  \n"));
    let q = quote_in_context(session, &claim.anchor);
    let _ = writeln!(
        out,
        "> {}{}**{}**{}{}\n",
        if q.more_before { "…" } else { "" },
        md(&q.before),
        md(&q.exact),
        md(&q.after),
        if q.more_after { "…" } else { "" },
    );
    if !claim.sources.is_empty() {
        let _ = writeln!(out, "**Sources**\n");
        for s in &claim.sources {
            let title = s.display_name();
            let _ = write!(out, "- {} ({})", link(title, &s.url), s.stance.as_str());
            if !s.accessed.trim().is_empty() {
                let _ = write!(out, ", read {}", md(s.accessed.trim()));
            }
            out.push('\n');
            if !s.quote.trim().is_empty() {
                let _ = writeln!(out, "  > “{}”", md(s.quote.trim()));
            }
        }
        out.push('\n');
    }
    if !claim.note.trim().is_empty() {
        let lines = markdown_lines(claim.note.trim());
        let _ = writeln!(out, "**Note:** {}\n", lines.join("  \n"));
    }
}

/// `[text](url)` when the URL is safe to link, else the escaped text (and URL) only.
fn link(text: &str, url: &str) -> String {
    match linkable_url(url) {
        Some(u) => format!("[{}]({})", md(text.trim()), markdown_url(u)),
        None if url.trim().is_empty() || url.trim() == text.trim() => md(text.trim()),
        None => format!("{} ({})", md(text.trim()), md(url.trim())),
    }
}
