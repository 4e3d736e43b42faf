//! Merging claims by id, field by field, and their sources by id.

use super::article::MergedArticle;
use super::three_way::{Merged, merge3};
use super::{MergeLabels, conflict};
use crate::model::{
    Anchor, Attribution, Claim, ClaimField, ClaimId, Conflict, ConflictSubject, ConflictValue,
    Session, Source,
};
use crate::reanchor::reanchor;
use std::collections::HashMap;

/// The merged claims and the conflicts found in them.
pub(super) struct MergedClaims {
    /// Every claim the merge keeps, in no particular order.
    pub claims: Vec<Claim>,
    /// Conflicts about claims and sources.
    pub conflicts: Vec<Conflict>,
}

/// One of the three versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Version {
    Base = 0,
    Ours = 1,
    Theirs = 2,
}

/// Where a claim sits: the part of a claim that depends on the article text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    anchor: Anchor,
    attribution: Option<Attribution>,
    needs_review: bool,
}

impl Place {
    fn of(c: &Claim) -> Self {
        Self {
            anchor: c.anchor.clone(),
            attribution: c.attribution.clone(),
            needs_review: c.needs_review,
        }
    }

    fn set(self, c: &mut Claim) {
        c.anchor = self.anchor;
        c.attribution = self.attribution;
        c.needs_review = self.needs_review;
    }

    fn value(&self) -> ConflictValue {
        ConflictValue::Place {
            anchor: self.anchor.clone(),
            needs_review: self.needs_review,
        }
    }

    /// The one of two places to use when nothing else decides: the same whichever
    /// side is ours.
    fn first(a: Place, b: Place) -> Place {
        let key = |p: &Place| (p.anchor.start, p.anchor.end, p.anchor.exact.clone());
        if key(&a) <= key(&b) { a } else { b }
    }
}

/// How a merged claim gets its place.
enum PlaceFrom {
    /// As it is (already in the merged text).
    Ready(Place),
    /// Re-anchored from one side's text into the merged text.
    Reanchor(Version),
}

struct Context<'a> {
    sides: [&'a Session; 3],
    in_text: [bool; 3],
    labels: &'a MergeLabels,
    conflicts: Vec<Conflict>,
}

impl Context<'_> {
    fn in_text(&self, v: Version) -> bool {
        self.in_text[v as usize]
    }

    fn same_text_as_base(&self, v: Version) -> bool {
        self.sides[v as usize].article.text == self.sides[0].article.text
    }

    fn push(
        &mut self,
        about: ConflictSubject,
        base: ConflictValue,
        ours: (ConflictValue, &str, &str),
        theirs: (ConflictValue, &str, &str),
    ) {
        self.conflicts
            .push(conflict(about, base, ours, theirs, self.labels));
    }

    /// A claim taken whole from one side: its place as it is, or re-anchored.
    fn whole(&self, c: &Claim, v: Version) -> PlaceFrom {
        if self.in_text(v) {
            PlaceFrom::Ready(Place::of(c))
        } else {
            PlaceFrom::Reanchor(v)
        }
    }
}

/// Merges the claims of the three (scheme-normalised) sessions.
pub(super) fn merge_claims(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    article: &MergedArticle,
    labels: &MergeLabels,
) -> MergedClaims {
    let index = |s: &Session| -> HashMap<ClaimId, usize> {
        s.claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect()
    };
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));
    let mut ids: Vec<ClaimId> = bi
        .keys()
        .chain(oi.keys())
        .chain(ti.keys())
        .copied()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut cx = Context {
        sides: [base, ours, theirs],
        in_text: [
            article.base_in_text,
            article.ours_in_text,
            article.theirs_in_text,
        ],
        labels,
        conflicts: Vec::new(),
    };
    let mut claims = Vec::with_capacity(ids.len());
    let mut pending: Vec<(usize, Version)> = Vec::new();
    for id in ids {
        let (b, o, t) = (get(base, &bi, id), get(ours, &oi, id), get(theirs, &ti, id));

        let merged = match (b, o, t) {
            (_, None, None) => None,
            (None, Some(c), None) => Some((c.clone(), cx.whole(c, Version::Ours))),
            (None, None, Some(c)) => Some((c.clone(), cx.whole(c, Version::Theirs))),
            (Some(b), Some(o), None) => deleted_on_one_side(&mut cx, b, o, Version::Ours),
            (Some(b), None, Some(t)) => deleted_on_one_side(&mut cx, b, t, Version::Theirs),
            (Some(b), Some(o), Some(t)) => Some(merge_claim(&mut cx, b, o, t, true)),
            (None, Some(o), Some(t)) if o == t => Some((o.clone(), cx.whole(o, Version::Ours))),
            // Added on both sides with one id (both merged a third version): merge
            // from what they have in common.
            (None, Some(o), Some(t)) => {
                let common = common(o, t, &base.scheme.unreviewed);
                Some(merge_claim(&mut cx, &common, o, t, false))
            }
        };
        if let Some((mut claim, place)) = merged {
            match place {
                PlaceFrom::Ready(p) => p.set(&mut claim),
                PlaceFrom::Reanchor(v) => pending.push((claims.len(), v)),
            }
            claims.push(claim);
        }
    }
    place_pending(&cx, &mut claims, &pending, &article.article);
    place_kept_claims(&mut cx.conflicts, &claims);
    MergedClaims {
        claims,
        conflicts: cx.conflicts,
    }
}

fn get<'a>(s: &'a Session, index: &HashMap<ClaimId, usize>, id: ClaimId) -> Option<&'a Claim> {
    index.get(&id).and_then(|&k| s.claims.get(k))
}

/// A claim deleted on one side and kept (`kept`, from `side`) on the other: gone if
/// the other side did not change it, else kept with a conflict.
fn deleted_on_one_side(
    cx: &mut Context<'_>,
    base: &Claim,
    kept: &Claim,
    side: Version,
) -> Option<(Claim, PlaceFrom)> {
    let same_place = cx.same_text_as_base(side);
    let unchanged = if same_place {
        base == kept
    } else {
        // The side changed the article, which moved the claim: that is not an edit.
        let mut moved = base.clone();
        Place::of(kept).set(&mut moved);
        moved == *kept
    };
    if unchanged {
        return None;
    }
    let about = ConflictSubject::ClaimDeleted { claim: base.id };
    // The claims' places are filled in once the merged claim is placed.
    let base_value = ConflictValue::Claim(Box::new(base.clone()));
    let kept_value = (ConflictValue::Claim(Box::new(kept.clone())), "", "");
    let absent = (ConflictValue::Absent, "", "");
    if side == Version::Ours {
        cx.push(about, base_value, kept_value, absent);
    } else {
        cx.push(about, base_value, absent, kept_value);
    }
    Some((kept.clone(), cx.whole(kept, side)))
}

/// What two versions of a claim added on both sides have in common: equal fields
/// as they are, differing ones empty (so that each side's value shows as a change).
fn common(o: &Claim, t: &Claim, unreviewed: &str) -> Claim {
    let mut c = o.clone();
    let pick = |a: &String, b: &String| if a == b { a.clone() } else { String::new() };
    c.text = pick(&o.text, &t.text);
    c.claimant = pick(&o.claimant, &t.claimant);
    c.note = pick(&o.note, &t.note);
    c.review_url = pick(&o.review_url, &t.review_url);
    c.claim_date = pick(&o.claim_date, &t.claim_date);
    if o.status != t.status {
        c.status = unreviewed.to_owned();
        c.verdict_by.clear();
        c.verdict_date.clear();
    }
    c.number = o.number.min(t.number);
    c.sources = o
        .sources
        .iter()
        .filter(|s| t.sources.contains(s))
        .cloned()
        .collect();
    c
}

/// Access to one of a claim's text fields.
type TextField = fn(&mut Claim) -> &mut String;

/// Merges one claim present in all three versions (or in both sides, from what they
/// have in common when `has_base` is false).
fn merge_claim(
    cx: &mut Context<'_>,
    b: &Claim,
    o: &Claim,
    t: &Claim,
    has_base: bool,
) -> (Claim, PlaceFrom) {
    let mut c = b.clone();
    c.number = match merge3(&b.number, &o.number, &t.number) {
        Merged::Conflict { ours, theirs } => ours.min(theirs),
        m => m.value().unwrap_or(b.number),
    };
    let fields: [(ClaimField, TextField); 5] = [
        (ClaimField::Text, |c| &mut c.text),
        (ClaimField::Claimant, |c| &mut c.claimant),
        (ClaimField::Note, |c| &mut c.note),
        (ClaimField::ReviewUrl, |c| &mut c.review_url),
        (ClaimField::ClaimDate, |c| &mut c.claim_date),
    ];
    let (mut bo, mut oo, mut to) = (b.clone(), o.clone(), t.clone());
    for (field, get) in fields {
        let (bv, ov, tv) = (
            get(&mut bo).clone(),
            get(&mut oo).clone(),
            get(&mut to).clone(),
        );
        match merge3(&bv, &ov, &tv) {
            Merged::Conflict { ours, theirs } => cx.push(
                ConflictSubject::ClaimField { claim: b.id, field },
                ConflictValue::Text(bv),
                (ConflictValue::Text(ours), "", ""),
                (ConflictValue::Text(theirs), "", ""),
            ),
            m => *get(&mut c) = m.value().unwrap_or(bv),
        }
    }
    merge_verdict(cx, &mut c, b, o, t);
    c.sources = merge_sources(cx, b, o, t);
    let place = merge_place(cx, b, o, t, has_base);
    (c, place)
}

/// The verdict with who set it and when. The same verdict set by two people is no
/// conflict (the earlier setting is kept as who and when).
fn merge_verdict(cx: &mut Context<'_>, c: &mut Claim, b: &Claim, o: &Claim, t: &Claim) {
    let triple = |x: &Claim| {
        (
            x.status.clone(),
            x.verdict_by.clone(),
            x.verdict_date.clone(),
        )
    };
    let (bt, ot, tt) = (triple(b), triple(o), triple(t));
    let chosen = if o.status == t.status {
        match merge3(&bt, &ot, &tt) {
            Merged::Conflict { ours, theirs } => {
                let key = |v: &(String, String, String)| (v.2.clone(), v.1.clone());
                if key(&ours) <= key(&theirs) {
                    ours
                } else {
                    theirs
                }
            }
            m => m.value().unwrap_or(ot),
        }
    } else if o.status == b.status {
        tt
    } else if t.status == b.status {
        ot
    } else {
        let value = |v: &(String, String, String)| ConflictValue::Verdict {
            status: v.0.clone(),
            by: v.1.clone(),
            date: v.2.clone(),
        };
        cx.push(
            ConflictSubject::ClaimField {
                claim: b.id,
                field: ClaimField::Verdict,
            },
            value(&bt),
            (value(&ot), &ot.1, &ot.2),
            (value(&tt), &tt.1, &tt.2),
        );
        bt
    };
    (c.status, c.verdict_by, c.verdict_date) = chosen;
}

/// Sources merged by id: additions of both sides kept (base sources first in their
/// order, then each side's additions in that side's order, the side whose first new
/// source has the smaller id first), deletions applied unless the other side edited
/// the source (then it is kept, with a conflict).
fn merge_sources(cx: &mut Context<'_>, b: &Claim, o: &Claim, t: &Claim) -> Vec<Source> {
    let (bs, os, ts) = (&b.sources, &o.sources, &t.sources);
    if os == ts || bs == ts {
        return os.clone();
    }
    if bs == os {
        return ts.clone();
    }
    let find = |list: &[Source], s: &Source| list.iter().find(|x| x.id == s.id).cloned();
    let about = |s: &Source| ConflictSubject::Source {
        claim: b.id,
        source: s.id,
    };
    let value = |s: Option<Source>| s.map_or(ConflictValue::Absent, ConflictValue::Source);
    let mut out = Vec::with_capacity(bs.len().max(os.len()).max(ts.len()));
    for s in bs {
        let (so, st) = (find(os, s), find(ts, s));
        let base = Some(s.clone());
        match merge3(&base, &so, &st) {
            Merged::Conflict { ours, theirs } => {
                // Both changed it, or one deleted it and the other changed it: keep
                // the changed version, or the base version when both changed it.
                let kept = match (&ours, &theirs) {
                    (Some(_), Some(_)) => s.clone(),
                    (Some(x), None) | (None, Some(x)) => x.clone(),
                    (None, None) => s.clone(),
                };
                cx.push(
                    about(s),
                    ConflictValue::Source(s.clone()),
                    (value(ours), "", ""),
                    (value(theirs), "", ""),
                );
                out.push(kept);
            }
            m => out.extend(m.value().flatten()),
        }
    }
    let added = |list: &[Source]| -> Vec<Source> {
        list.iter()
            .filter(|s| !bs.iter().any(|x| x.id == s.id))
            .cloned()
            .collect()
    };
    let (mut oa, mut ta) = (added(os), added(ts));
    // A source both sides added with one id (both merged a third version).
    ta.retain(|s| match oa.iter().find(|x| x.id == s.id) {
        None => true,
        Some(x) if x == s => false,
        Some(x) => {
            cx.push(
                about(s),
                ConflictValue::Absent,
                (ConflictValue::Source(x.clone()), "", ""),
                (ConflictValue::Source(s.clone()), "", ""),
            );
            false
        }
    });
    let first = |list: &[Source]| list.iter().map(|s| s.id).min();
    if first(&ta) < first(&oa) && !ta.is_empty() {
        std::mem::swap(&mut oa, &mut ta);
    }
    out.extend(oa);
    out.extend(ta);
    out
}

/// Where a claim present on both sides goes.
fn merge_place(cx: &mut Context<'_>, b: &Claim, o: &Claim, t: &Claim, has_base: bool) -> PlaceFrom {
    let (pb, po, pt) = (Place::of(b), Place::of(o), Place::of(t));
    let (bm, om, tm) = (
        cx.in_text(Version::Base),
        cx.in_text(Version::Ours),
        cx.in_text(Version::Theirs),
    );
    let conflict = |cx: &mut Context<'_>, base: &Place, po: Place, pt: Place| {
        cx.push(
            ConflictSubject::ClaimField {
                claim: b.id,
                field: ClaimField::Place,
            },
            base.value(),
            (po.value(), "", ""),
            (pt.value(), "", ""),
        );
    };
    if om && tm {
        if bm && has_base {
            return match merge3(&pb, &po, &pt) {
                Merged::Conflict { ours, theirs } => {
                    conflict(cx, &pb, ours, theirs);
                    PlaceFrom::Ready(pb)
                }
                m => PlaceFrom::Ready(m.value().unwrap_or(pb)),
            };
        }
        // Both sides have the merged text and the base another one (or none).
        if po == pt {
            return PlaceFrom::Ready(po);
        }
        let kept = Place::first(po.clone(), pt.clone());
        conflict(cx, &kept, po, pt);
        return PlaceFrom::Ready(kept);
    }
    if !has_base {
        return match (om, tm) {
            (true, _) => PlaceFrom::Ready(po),
            (_, true) => PlaceFrom::Ready(pt),
            _ if Place::first(po.clone(), pt.clone()) == po => PlaceFrom::Reanchor(Version::Ours),
            _ => PlaceFrom::Reanchor(Version::Theirs),
        };
    }
    // One side changed the article: the other side's claims are in the base text.
    // A claim the other side moved by hand goes where that side put it (re-anchored
    // in the new text); any other claim goes where the changing side put it.
    if om {
        return if pt != pb {
            PlaceFrom::Reanchor(Version::Theirs)
        } else {
            PlaceFrom::Ready(po)
        };
    }
    if tm {
        return if po != pb {
            PlaceFrom::Reanchor(Version::Ours)
        } else {
            PlaceFrom::Ready(pt)
        };
    }
    // Both changed the article differently: the merged session keeps the base text
    // (the conflict holds both new texts), and the claim its base place.
    PlaceFrom::Ready(pb)
}

/// Re-anchors, side by side, the claims whose place is in another text than the
/// merged one. Claims that cannot be placed keep their quote and need review.
fn place_pending(
    cx: &Context<'_>,
    claims: &mut [Claim],
    pending: &[(usize, Version)],
    article: &crate::model::Article,
) {
    for side in [Version::Base, Version::Ours, Version::Theirs] {
        let mine: Vec<usize> = pending
            .iter()
            .filter(|(_, v)| *v == side)
            .map(|(i, _)| *i)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let from = cx.sides[side as usize];
        let mut temp = Session::with_scheme(from.article.clone(), from.scheme.clone());
        // Each claim is placed as that side had it (its anchor in that side's text).
        temp.claims = mine
            .iter()
            .filter_map(|&i| {
                let id = claims.get(i)?.id;
                from.claim(id).cloned()
            })
            .collect();
        temp.claims.sort_by_key(|c| c.order_key());
        let outcome = reanchor(&temp, article.clone());
        let placed: HashMap<ClaimId, Place> = outcome
            .placements
            .into_iter()
            .map(|p| {
                let place = Place {
                    anchor: p.place.anchor,
                    attribution: p.place.attribution,
                    needs_review: p.place.needs_review,
                };
                (p.place.claim, place)
            })
            .collect();
        for &i in &mine {
            if let Some(c) = claims.get_mut(i)
                && let Some(place) = placed.get(&c.id)
            {
                place.clone().set(c);
            }
        }
    }
}

/// Claims kept whole in delete-versus-edit conflicts carry their merged place, so
/// that settling the conflict never puts back an anchor into another text.
fn place_kept_claims(conflicts: &mut [Conflict], claims: &[Claim]) {
    let by_id: HashMap<ClaimId, &Claim> = claims.iter().map(|c| (c.id, c)).collect();
    for conflict in conflicts {
        let ConflictSubject::ClaimDeleted { claim } = conflict.about else {
            continue;
        };
        let Some(merged) = by_id.get(&claim) else {
            continue;
        };
        for value in [
            &mut conflict.base,
            &mut conflict.ours.value,
            &mut conflict.theirs.value,
        ] {
            if let ConflictValue::Claim(c) = value {
                Place::of(merged).set(c);
            }
        }
    }
}
