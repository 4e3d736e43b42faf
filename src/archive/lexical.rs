//! Word matching with BM25 ranking, on a tantivy full-text index of every archived claim.
//!
//! Each claim is one document: its text (and a published review's headline), analysed
//! into lower-case, accent-folded, stemmed English words without stop words. The index
//! keeps no copy of the text: a document holds the claim's key (to find it in the
//! catalog) and its file's key (to delete a file's claims when the file changes).
//!
//! On disk (`bm25/`), every commit records the catalog generation it matches; an index
//! of another generation, or one that cannot be opened, is not used: the claims are then
//! indexed again in memory (for reading) or on disk (when updating).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use tantivy::collector::{FilterCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The analyser's name in the index.
const ANALYSER: &str = "claimdesk_en";
/// Memory for the writer's buffer (tantivy needs at least 15 MB per thread).
const WRITER_MEMORY: usize = 64 << 20;
/// Words longer than this are not indexed (URLs, hashes, junk).
const LONGEST_WORD: usize = 40;

/// Why the full-text index failed.
#[derive(Debug, thiserror::Error)]
#[error("the full-text index failed: {0}")]
pub struct LexicalError(String);

impl From<tantivy::TantivyError> for LexicalError {
    fn from(e: tantivy::TantivyError) -> Self {
        LexicalError(e.to_string())
    }
}

impl From<std::io::Error> for LexicalError {
    fn from(e: std::io::Error) -> Self {
        LexicalError(e.to_string())
    }
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    file: Field,
    text: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let key = builder.add_u64_field("key", FAST);
    let file = builder.add_u64_field("file", INDEXED);
    let text = builder.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYSER)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    (builder.build(), Fields { key, file, text })
}

fn analyser() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter);
    match StopWordFilter::new(Language::English) {
        Some(stop) => builder
            .filter(stop)
            .filter(Stemmer::new(Language::English))
            .build(),
        None => builder.filter(Stemmer::new(Language::English)).build(),
    }
}

/// One document to index.
pub struct LexicalDoc {
    /// The claim's key.
    pub key: u64,
    /// Its file's key.
    pub file: u64,
    /// The words to match: the claim text and any headline.
    pub text: String,
}

/// A full-text index, open for searching.
pub struct LexicalIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl LexicalIndex {
    /// Opens the index in `dir` if it matches catalog generation `generation`.
    pub fn open(dir: &Path, generation: u64) -> Result<LexicalIndex, LexicalError> {
        let index = Index::open_in_dir(dir)?;
        let payload = index.load_metas()?.payload;
        if payload.as_deref() != Some(generation.to_string().as_str()) {
            return Err(LexicalError(format!(
                "it is of another update ({payload:?}, the catalog is at {generation})"
            )));
        }
        Self::from_index(index)
    }

    /// Indexes `docs` in memory (when the index on disk cannot be used for reading).
    pub fn in_memory(docs: impl Iterator<Item = LexicalDoc>) -> Result<LexicalIndex, LexicalError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(ANALYSER, analyser());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        for doc in docs {
            add(&writer, fields, &doc)?;
        }
        writer.commit()?;
        Self::from_index(index)
    }

    fn from_index(index: Index) -> Result<LexicalIndex, LexicalError> {
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(LexicalError("it was made with other fields".to_owned()));
        }
        index.tokenizers().register(ANALYSER, analyser());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(LexicalIndex {
            index,
            reader,
            fields,
        })
    }

    /// The analysed words of `text`, without repeats, in order of first appearance.
    pub fn words(&self, text: &str) -> Vec<String> {
        words_of(&self.index, self.fields.text, text)
    }

    /// The `limit` best claims for `text` by BM25, best first, as (key, score). With
    /// `allowed`, only claims whose key it holds are considered.
    pub fn search(
        &self,
        text: &str,
        limit: usize,
        allowed: Option<&Arc<HashSet<u64>>>,
    ) -> Result<Vec<(u64, f32)>, LexicalError> {
        let words = self.words(text);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| {
                let term = Term::from_field_text(self.fields.text, w);
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, q)
            })
            .collect();
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let Some(set) = allowed else {
            let top = TopDocs::with_limit(limit).order_by_score();
            return keyed(&searcher, searcher.search(&query, &top)?);
        };
        // Most archived claims usually pass the filter (it keeps checked claims), so
        // first take a few more than needed without it, which lets tantivy skip
        // whole blocks of documents, and filter those. The best `limit` that pass
        // among the best `wider` are the best `limit` that pass at all; only when
        // too few pass is every matching document filtered one by one.
        let wider = limit.saturating_mul(3);
        let top = TopDocs::with_limit(wider).order_by_score();
        let hits = searcher.search(&query, &top)?;
        let everything = hits.len() < wider;
        let mut passed: Vec<(u64, f32)> = keyed(&searcher, hits)?
            .into_iter()
            .filter(|(key, _)| set.contains(key))
            .collect();
        if passed.len() >= limit || everything {
            passed.truncate(limit);
            return Ok(passed);
        }
        let set = Arc::clone(set);
        let top = TopDocs::with_limit(limit).order_by_score();
        let filter = FilterCollector::new("key".to_owned(), move |k: u64| set.contains(&k), top);
        keyed(&searcher, searcher.search(&query, &filter)?)
    }
}

/// The archive keys of tantivy's hits, with their scores, best first.
fn keyed(
    searcher: &tantivy::Searcher,
    hits: Vec<(f32, DocAddress)>,
) -> Result<Vec<(u64, f32)>, LexicalError> {
    let mut out = Vec::with_capacity(hits.len());
    // Opening a segment's key column reads its header; do it once per segment, not
    // once per hit (it was a tenth of the time of matching an article).
    let mut columns: HashMap<u32, Column<u64>> = HashMap::new();
    for (score, address) in hits {
        let keys = match columns.entry(address.segment_ord) {
            Entry::Occupied(open) => open.into_mut(),
            Entry::Vacant(slot) => slot.insert(
                searcher
                    .segment_reader(address.segment_ord)
                    .fast_fields()
                    .u64("key")?,
            ),
        };
        if let Some(key) = keys.first(address.doc_id) {
            out.push((key, score));
        }
    }
    Ok(out)
}

fn words_of(index: &Index, field: Field, text: &str) -> Vec<String> {
    let Ok(mut analyser) = index.tokenizer_for_field(field) else {
        return Vec::new();
    };
    let mut stream = analyser.token_stream(text);
    let mut seen = HashSet::new();
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        if seen.insert(token.text.clone()) {
            words.push(token.text.clone());
        }
    }
    words
}

fn add(writer: &IndexWriter, fields: Fields, doc: &LexicalDoc) -> Result<(), LexicalError> {
    let mut d = TantivyDocument::default();
    d.add_u64(fields.key, doc.key);
    d.add_u64(fields.file, doc.file);
    d.add_text(fields.text, &doc.text);
    writer.add_document(d)?;
    Ok(())
}

/// Changes to the index on disk in one commit.
pub struct LexicalUpdate {
    /// Files whose claims leave the index.
    pub remove_files: Vec<u64>,
    /// Claims that enter it.
    pub add: Vec<LexicalDoc>,
}

/// Applies `update` to the index in `dir`, which must be at catalog generation `from`,
/// and marks it as generation `to`. When the index is missing, damaged or at another
/// generation, it is rebuilt from `all` instead. Returns whether it was rebuilt.
pub fn write_update(
    dir: &Path,
    from: u64,
    to: u64,
    update: LexicalUpdate,
    all: impl FnOnce() -> Vec<LexicalDoc>,
) -> Result<bool, LexicalError> {
    let (schema, fields) = schema();
    let current = Index::open_in_dir(dir).ok().filter(|index| {
        index.schema() == schema
            && index.load_metas().ok().and_then(|m| m.payload) == Some(from.to_string())
    });
    let (index, docs, rebuilt) = match current {
        Some(index) => (index, update.add, false),
        None => {
            if dir.exists() {
                std::fs::remove_dir_all(dir)?;
            }
            std::fs::create_dir_all(dir)?;
            (Index::create_in_dir(dir, schema)?, all(), true)
        }
    };
    index.tokenizers().register(ANALYSER, analyser());
    let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
    if !rebuilt {
        for file in update.remove_files {
            writer.delete_term(Term::from_field_u64(fields.file, file));
        }
    }
    for doc in &docs {
        add(&writer, fields, doc)?;
    }
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&to.to_string());
    commit.commit()?;
    writer.wait_merging_threads()?;
    Ok(rebuilt)
}

/// The keys of every live document (tests check what an update left).
#[cfg(test)]
fn keys_in(index: &LexicalIndex) -> Vec<u64> {
    let searcher = index.reader.searcher();
    let mut keys = Vec::new();
    for segment in searcher.segment_readers() {
        let column = segment.fast_fields().u64("key").unwrap();
        for doc in segment.doc_ids_alive() {
            keys.extend(column.first(doc));
        }
    }
    keys.sort_unstable();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(key: u64, file: u64, text: &str) -> LexicalDoc {
        LexicalDoc {
            key,
            file,
            text: text.to_owned(),
        }
    }

    #[test]
    fn ranks_by_shared_words_with_stems_and_without_stop_words() {
        let index = LexicalIndex::in_memory(
            [
                doc(1, 1, "Unemployment fell to its lowest level in fifty years"),
                doc(2, 1, "The minister said the bridge was built in 1990"),
                doc(3, 2, "Vaccines do not contain microchips"),
            ]
            .into_iter(),
        )
        .unwrap();
        assert_eq!(index.reader.searcher().num_docs(), 3);
        assert_eq!(index.words("The vaccines"), ["vaccin"]);
        let hits = index
            .search("the unemployment level is falling", 10, None)
            .unwrap();
        assert_eq!(hits.first().map(|h| h.0), Some(1));
        assert!(index.search("the of and", 10, None).unwrap().is_empty());
        let only_two: Arc<HashSet<u64>> = Arc::new([2].into_iter().collect());
        let hits = index
            .search("bridge unemployment", 10, Some(&only_two))
            .unwrap();
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [2]);
    }

    /// The filter is applied after a wider unfiltered search when enough pass, and to
    /// every document when too few do: both give the filtered search's answer.
    #[test]
    fn a_filter_gives_the_same_best_claims_whichever_way_it_runs() {
        let docs: Vec<LexicalDoc> = (1..=60)
            .map(|k| {
                doc(
                    k,
                    1,
                    &format!(
                        "bridge budget report number {k} {}",
                        "cost ".repeat(k as usize % 7)
                    ),
                )
            })
            .collect();
        let index = LexicalIndex::in_memory(docs.into_iter()).unwrap();
        let unfiltered = index.search("bridge cost", 60, None).unwrap();
        for allowed in [
            (1..=60).filter(|k| k % 10 != 0).collect::<HashSet<u64>>(), // most pass
            [7, 33].into_iter().collect(),                              // few pass
        ] {
            let expected: Vec<u64> = unfiltered
                .iter()
                .map(|h| h.0)
                .filter(|k| allowed.contains(k))
                .take(5)
                .collect();
            let got: Vec<u64> = index
                .search("bridge cost", 5, Some(&Arc::new(allowed)))
                .unwrap()
                .into_iter()
                .map(|h| h.0)
                .collect();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn updates_on_disk_and_rebuilds_a_stale_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bm25");
        let all = || vec![doc(1, 10, "alpha beta"), doc(2, 11, "gamma delta")];
        let empty = LexicalUpdate {
            remove_files: vec![],
            add: vec![],
        };
        // Nothing on disk: built from everything.
        assert!(write_update(&path, 0, 1, empty, all).unwrap());
        assert_eq!(keys_in(&LexicalIndex::open(&path, 1).unwrap()), [1, 2]);
        assert!(LexicalIndex::open(&path, 2).is_err());
        // An incremental step: file 10 replaced.
        let step = LexicalUpdate {
            remove_files: vec![10],
            add: vec![doc(3, 10, "alpha epsilon")],
        };
        assert!(!write_update(&path, 1, 2, step, Vec::new).unwrap());
        let index = LexicalIndex::open(&path, 2).unwrap();
        assert_eq!(keys_in(&index), [2, 3]);
        assert_eq!(index.search("epsilon", 5, None).unwrap()[0].0, 3);
        // The catalog moved on without the index (a crash in between): rebuilt.
        let skipped = LexicalUpdate {
            remove_files: vec![],
            add: vec![],
        };
        assert!(write_update(&path, 5, 6, skipped, all).unwrap());
        assert_eq!(keys_in(&LexicalIndex::open(&path, 6).unwrap()), [1, 2]);
        // Damaged: rebuilt too.
        std::fs::write(path.join("meta.json"), b"{").unwrap();
        assert!(LexicalIndex::open(&path, 6).is_err());
        let none = LexicalUpdate {
            remove_files: vec![],
            add: vec![],
        };
        assert!(write_update(&path, 6, 7, none, all).unwrap());
    }
}
