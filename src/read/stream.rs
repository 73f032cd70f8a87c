//! A whole corpus as one ordered stream of work items: inputs are planned up front (paths only),
//! then read one document at a time, so memory never grows with the corpus.

use std::collections::VecDeque;
use std::fs;
use std::path::{Path, PathBuf};

use super::lines::{Line, LineReader};
use super::open::{open, read_limited, Input};
use super::pairs::{group_by_name, lang_of_name, read_manifest, split_lang_suffix, FileGroup};
use super::records::{read_jsonl_line, Record};
use super::table::TableRecords;
use super::walk::{walk, Walked};
use super::{
    decode_lines, decode_text, input_name, DocMeta, InputFormat, ReadError, ReadOptions, Reject,
    SourceDoc, WorkItem, BOM,
};
use crate::doc::Document;

/// What the stream yields: a unit of work, or a document that could not be read and why.
pub type Item = Result<WorkItem, Reject>;

/// The ordered stream of a corpus's work items; see [`work_items`].
pub struct WorkItems {
    units: VecDeque<Unit>,
    stream: Option<RecordStream>,
    pending: VecDeque<Item>,
    opts: ReadOptions,
    inputs: usize,
}

enum Unit {
    Reject(Reject),
    Group(FileGroup),
}

/// Plans the reading of `inputs` (files, folders walked recursively in sorted order, `-` for
/// stdin) and of an optional pair `manifest`; nothing is read until the stream is iterated.
pub fn work_items(inputs: &[PathBuf], manifest: Option<&Path>, opts: &ReadOptions) -> WorkItems {
    let mut units = VecDeque::new();
    let mut count = 0;
    if let Some(m) = manifest {
        match read_manifest(m) {
            Ok(rows) => {
                for row in rows {
                    match row {
                        Ok(r) => {
                            count += 2;
                            units.push_back(Unit::Group(FileGroup::Pair(r.src, r.tgt)));
                        }
                        Err(e) => units.push_back(Unit::Reject(e.into())),
                    }
                }
            }
            Err(e) => units.push_back(Unit::Reject(e.into())),
        }
    }
    let mut paths = Vec::new();
    let mut walked = Walked::default();
    for input in inputs {
        if input == Path::new("-") {
            paths.push(input.clone());
            continue;
        }
        // given by name, anything readable is read (a FIFO too); only folder walks are picky
        match fs::metadata(input) {
            Ok(m) if m.is_dir() => walk(input, &mut walked),
            Ok(_) => paths.push(input.clone()),
            Err(source) => units.push_back(Unit::Reject(
                ReadError::Io {
                    path: input_name(input),
                    source,
                }
                .into(),
            )),
        }
        paths.append(&mut walked.files);
        units.extend(walked.skipped.drain(..).map(Unit::Reject));
    }
    count += paths.len()
        + units
            .iter()
            .filter(|u| matches!(u, Unit::Reject(_)))
            .count();
    let pairable = |p: &Path| {
        opts.pair_by_name && matches!(format_of(p, opts), InputFormat::Text | InputFormat::Html)
    };
    units.extend(group_by_name(paths, pairable).into_iter().map(Unit::Group));
    WorkItems {
        units,
        stream: None,
        pending: VecDeque::new(),
        opts: opts.clone(),
        inputs: count,
    }
}

/// The format of one input: the chosen one, or by extension (a compression suffix looked
/// through), or sniffed from the content when the name says nothing (stdin, no or an unknown
/// extension).
pub(crate) fn format_of(path: &Path, opts: &ReadOptions) -> InputFormat {
    if opts.format != InputFormat::Auto {
        return opts.format;
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = super::open::strip_compression(&name);
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("jsonl" | "ndjson") => InputFormat::Jsonl,
        Some("csv") => InputFormat::Csv,
        Some("tsv") => InputFormat::Tsv,
        Some("html" | "htm" | "xhtml") => InputFormat::Html,
        Some("txt" | "text" | "md") => InputFormat::Text,
        _ => super::open::sniff(path, &opts.text_column).unwrap_or(InputFormat::Text),
    }
}

impl WorkItems {
    /// How many inputs (files, stdin, manifest sides) the run covers.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    fn next_unit(&mut self, unit: Unit) -> Option<Item> {
        match unit {
            Unit::Reject(r) => Some(Err(r)),
            Unit::Group(FileGroup::Lonely(p)) => Some(Err(ReadError::MissingPair {
                path: input_name(&p),
                reason: "no parallel document: no other file with the same name and another \
                         language code"
                    .to_string(),
            }
            .into())),
            Unit::Group(FileGroup::Pair(a, b)) => Some(self.read_pair(&a, &b)),
            Unit::Group(FileGroup::Single(p)) => match format_of(&p, &self.opts) {
                InputFormat::Text | InputFormat::Html | InputFormat::Auto => {
                    match self.read_whole(&p) {
                        Ok((doc, posts)) => {
                            self.pending
                                .extend(posts.into_iter().map(|d| Ok(WorkItem::Single(d))));
                            match doc {
                                Some(d) => Some(Ok(WorkItem::Single(d))),
                                None => self.pending.pop_front(),
                            }
                        }
                        Err(e) => Some(Err(e.into())),
                    }
                }
                format => match self.open_stream(&p, format) {
                    Ok(s) => {
                        self.stream = Some(s);
                        None
                    }
                    Err(e) => Some(Err(e.into())),
                },
            },
        }
    }

    /// Reads a text or HTML input whole: its document (none for a page that is only posts) and
    /// its embedded posts.
    fn read_whole(&self, path: &Path) -> Result<(Option<SourceDoc>, Vec<SourceDoc>), ReadError> {
        let name = input_name(path);
        let bytes = read_limited(path, self.opts.max_doc_bytes)?;
        let text_offset = if bytes.starts_with(BOM) { 3 } else { 0 };
        let html = format_of(path, &self.opts) == InputFormat::Html;
        let (text, repaired) = if self.opts.lines && !html {
            decode_lines(&name, bytes)?
        } else {
            (decode_text(&name, bytes)?, Vec::new())
        };
        let meta = DocMeta {
            input: name.clone(),
            text_offset,
            repaired,
            ..DocMeta::default()
        };
        let lang = lang_of_name(path).map(|(_, l)| l);
        let record = if html {
            Record::build(name.clone(), None, Some(&text), meta, lang)
        } else {
            Record {
                doc: SourceDoc {
                    doc: Document {
                        id: name.clone(),
                        text,
                        lang,
                    },
                    meta,
                    posts: Vec::new(),
                },
                posts: Vec::new(),
            }
        };
        let has_text = !record.doc.doc.text.trim().is_empty();
        if !has_text && record.posts.is_empty() {
            return Err(ReadError::Empty { path: name });
        }
        Ok((has_text.then_some(record.doc), record.posts))
    }

    fn read_pair(&mut self, src: &Path, tgt: &Path) -> Item {
        let a = self.read_whole(src);
        let b = self.read_whole(tgt);
        let partner_lost = |side: &Path, other: &Path| -> Reject {
            ReadError::MissingPair {
                path: input_name(side),
                reason: format!(
                    "its parallel document {} was rejected or has no text",
                    input_name(other)
                ),
            }
            .into()
        };
        match (a, b) {
            (Ok((Some(s), sp)), Ok((Some(t), tp))) => {
                self.queue_posts(sp);
                self.queue_posts(tp);
                Ok(WorkItem::Pair { src: s, tgt: t })
            }
            (a, b) => {
                let mut rejects = Vec::new();
                for (res, side, other) in [(a, src, tgt), (b, tgt, src)] {
                    match res {
                        Ok((doc, posts)) => {
                            if doc.is_some() {
                                rejects.push(partner_lost(side, other));
                            }
                            self.queue_posts(posts);
                        }
                        Err(e) => rejects.push(e.into()),
                    }
                }
                let mut rejects = rejects.into_iter();
                let first = rejects.next();
                self.pending.extend(rejects.map(Err));
                match first {
                    Some(r) => Err(r),
                    None => Err(partner_lost(src, tgt)),
                }
            }
        }
    }

    fn queue_posts(&mut self, posts: Vec<SourceDoc>) {
        self.pending
            .extend(posts.into_iter().map(|d| Ok(WorkItem::Single(d))));
    }

    fn open_stream(&self, path: &Path, format: InputFormat) -> Result<RecordStream, ReadError> {
        let name = input_name(path);
        let input = open(path).map_err(|source| ReadError::Io {
            path: name.clone(),
            source,
        })?;
        let records = records(&name, input, format, &self.opts);
        Ok(RecordStream {
            records,
            lookahead: None,
            input: name,
            seen: 0,
            pair_by_name: self.opts.pair_by_name,
        })
    }
}

impl Iterator for WorkItems {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(stream) = self.stream.as_mut() {
                match stream.next_item(&mut self.pending) {
                    Some(item) => return Some(item),
                    None => {
                        self.stream = None;
                        continue;
                    }
                }
            }
            let unit = self.units.pop_front()?;
            if let Some(item) = self.next_unit(unit) {
                return Some(item);
            }
        }
    }
}

/// The records of one JSONL, CSV or TSV stream (any other format is read as JSONL), with a
/// reason for each that cannot be read; the stream is read lazily, one record at a time.
pub fn records(
    name: &str,
    input: Box<dyn std::io::BufRead + Send>,
    format: InputFormat,
    opts: &ReadOptions,
) -> Box<dyn Iterator<Item = Result<Record, ReadError>> + Send> {
    let max = opts.max_doc_bytes;
    match format {
        InputFormat::Csv | InputFormat::Tsv => {
            let delimiter = if format == InputFormat::Csv {
                b','
            } else {
                b'\t'
            };
            Box::new(TableRecords::new(
                name.to_string(),
                input,
                delimiter,
                &opts.text_column,
                &opts.id_column,
                max,
            ))
        }
        _ => Box::new(JsonlRecords {
            input: name.to_string(),
            lines: LineReader::new(input, max),
            buf: Vec::new(),
            max,
            done: false,
        }),
    }
}

/// JSONL records, one a line, blank lines skipped.
struct JsonlRecords {
    input: String,
    lines: LineReader<Input>,
    buf: Vec<u8>,
    max: usize,
    done: bool,
}

impl Iterator for JsonlRecords {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.lines.next_line(&mut self.buf) {
                Ok(None) => self.done = true,
                Err(source) => {
                    self.done = true;
                    return Some(Err(ReadError::Io {
                        path: self.input.clone(),
                        source,
                    }));
                }
                Ok(Some(Line::TooLong { number, bytes })) => {
                    return Some(Err(ReadError::TooLarge {
                        path: self.input.clone(),
                        line: number,
                        bytes,
                        limit: self.max,
                    }))
                }
                Ok(Some(Line::Fits { number, offset })) => {
                    let bytes = std::mem::take(&mut self.buf);
                    match read_jsonl_line(&self.input, number, offset, bytes) {
                        Ok(None) => continue,
                        Ok(Some(r)) => return Some(Ok(r)),
                        Err(e) => return Some(Err(e)),
                    }
                }
            }
        }
        None
    }
}

/// Records of one input, adjacent `<stem>.<lang>` records joined into pairs.
struct RecordStream {
    records: Box<dyn Iterator<Item = Result<Record, ReadError>> + Send>,
    lookahead: Option<Result<Record, ReadError>>,
    input: String,
    seen: usize,
    pair_by_name: bool,
}

impl RecordStream {
    fn pull(&mut self) -> Option<Result<Record, ReadError>> {
        let next = self.lookahead.take().or_else(|| self.records.next())?;
        self.seen += 1;
        Some(next.and_then(|r| {
            if r.doc.doc.text.trim().is_empty() && r.posts.is_empty() {
                Err(ReadError::BadRecord {
                    path: self.input.clone(),
                    line: r.doc.meta.line.unwrap_or(0),
                    reason: "empty text".to_string(),
                })
            } else {
                Ok(r)
            }
        }))
    }

    fn next_item(&mut self, pending: &mut VecDeque<Item>) -> Option<Item> {
        let Some(first) = self.pull() else {
            if self.seen == 0 {
                self.seen = 1;
                return Some(Err(ReadError::Empty {
                    path: self.input.clone(),
                }
                .into()));
            }
            return None;
        };
        let mut rec = match first {
            Ok(r) => r,
            Err(e) => return Some(Err(e.into())),
        };
        let posts = std::mem::take(&mut rec.posts);
        let queue = |pending: &mut VecDeque<Item>, posts: Vec<SourceDoc>| {
            pending.extend(posts.into_iter().map(|d| Ok(WorkItem::Single(d))));
        };
        let suffix = split_lang_suffix(&rec.doc.doc.id).map(|(s, l)| (s.to_string(), l));
        let (Some((stem, lang)), true) = (suffix, self.pair_by_name) else {
            queue(pending, posts);
            if rec.doc.doc.text.trim().is_empty() {
                return pending.pop_front();
            }
            return Some(Ok(WorkItem::Single(rec.doc)));
        };
        rec.doc.doc.lang.get_or_insert(lang);
        match self.pull() {
            Some(Ok(mut other))
                if split_lang_suffix(&other.doc.doc.id)
                    .is_some_and(|(s, l)| s == stem && l != lang) =>
            {
                let other_posts = std::mem::take(&mut other.posts);
                if let Some((_, l)) = split_lang_suffix(&other.doc.doc.id) {
                    other.doc.doc.lang.get_or_insert(l);
                }
                queue(pending, posts);
                queue(pending, other_posts);
                return Some(Ok(WorkItem::Pair {
                    src: rec.doc,
                    tgt: other.doc,
                }));
            }
            other => self.lookahead = other,
        }
        queue(pending, posts);
        Some(Err(Reject::new(
            self.input.clone(),
            rec.doc.meta.line,
            format!(
                "no parallel document: record `{}` has no adjacent record `{stem}.<other language>`",
                rec.doc.doc.id
            ),
        )))
    }
}
