//! Reading an article (plain text or Markdown) into blocks of plain text that
//! remember where each byte came from in the original file.
//!
//! Markup never reaches the blocks: headings, emphasis, links and list
//! markers are dropped, their text kept. Every block keeps, for each of its
//! bytes, the byte offset in the source, so a claim found in a block can be
//! reported at the line and column where it starts in the file.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::error::{Error, Result};

/// A run of plain text: a paragraph, heading, list item or table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Plain text, markup removed.
    pub text: String,
    /// Where the pieces of `text` come from, in order. One entry per piece
    /// rather than one offset per byte: a byte table cost 8 bytes of memory
    /// per byte of article.
    runs: Vec<Run>,
    /// True for headings and titles (short lines without final punctuation).
    pub heading: bool,
}

/// A piece of a block's text and where it starts in the source.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    /// Start in the block's text.
    text: usize,
    /// Start in the source.
    source: usize,
    /// True when the piece is a copy of the source (maps byte for byte);
    /// otherwise (a space joining lines, an entity) every byte maps to `source`.
    exact: bool,
}

impl Block {
    /// Byte offset in the source of byte `i` of `text` (of the character
    /// holding it; past the end, of the last character).
    pub fn source_offset(&self, i: usize) -> usize {
        if self.text.is_empty() {
            return 0;
        }
        let mut i = i.min(self.text.len() - 1);
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        let run = &self.runs[self.runs.partition_point(|r| r.text <= i) - 1];
        if run.exact {
            run.source + (i - run.text)
        } else {
            run.source
        }
    }

    fn push(&mut self, text: &str, source_start: usize, exact: bool) {
        if text.is_empty() {
            return;
        }
        self.runs.push(Run {
            text: self.text.len(),
            source: source_start,
            exact,
        });
        self.text.push_str(text);
    }
}

/// An article: its source text and its blocks of plain text.
#[derive(Debug, Clone)]
pub struct Article {
    /// Name used in reports (the path as given).
    pub name: String,
    /// The file stem, used to build claim ids.
    pub stem: String,
    /// The whole source text.
    pub source: String,
    /// Plain-text blocks in document order.
    pub blocks: Vec<Block>,
    line_starts: Vec<usize>,
    /// (byte offset, characters before it) every [`CHAR_MARK_STEP`] bytes,
    /// so that a column on a very long line is counted from the nearest
    /// mark instead of from the start of the line.
    char_marks: Vec<(usize, usize)>,
}

/// Bytes between two entries of `Article::char_marks`.
const CHAR_MARK_STEP: usize = 4096;

impl Article {
    /// Parses source text; Markdown when `markdown` is true.
    pub fn parse(name: &str, source: String, markdown: bool) -> Article {
        let blocks = if markdown {
            markdown_blocks(&source)
        } else {
            text_blocks(&source)
        };
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let stem = Path::new(name)
            .file_stem()
            .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
        let char_marks = char_marks(&source);
        Article {
            name: name.to_string(),
            stem,
            source,
            blocks,
            line_starts,
            char_marks,
        }
    }

    /// 1-based line and column (in characters) of a source byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let end = offset.min(self.source.len());
        if !self.source.is_char_boundary(end) {
            return (line, 1);
        }
        // Counting from the line start would make many claims on one long
        // line quadratic.
        (line, self.chars_before(end) - self.chars_before(start) + 1)
    }

    /// Characters in `source[..at]`; `at` is a char boundary.
    fn chars_before(&self, at: usize) -> usize {
        let k = self.char_marks.partition_point(|&(b, _)| b <= at) - 1;
        let (byte, chars) = self.char_marks[k];
        chars + self.source[byte..at].chars().count()
    }
}

fn char_marks(source: &str) -> Vec<(usize, usize)> {
    let mut marks = vec![(0, 0)];
    let mut next = CHAR_MARK_STEP;
    for (chars, (i, _)) in source.char_indices().enumerate() {
        if i >= next {
            marks.push((i, chars));
            next = i + CHAR_MARK_STEP;
        }
    }
    marks
}

/// Reads an article from disk: UTF-8 (a BOM is skipped), not binary, not empty.
pub fn read(path: &Path) -> Result<Article> {
    // Refuses the first line over capped::MAX_ARTICLE_LINE_BYTES while reading.
    let bytes = crate::capped::read_article(path)?;
    let source = decode(path, bytes)?;
    let markdown = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "mdx"));
    Ok(Article::parse(&path.display().to_string(), source, markdown))
}

/// Checks and decodes file bytes as UTF-8 text, naming the line of the first problem.
pub fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::invalid(
            path,
            1,
            "file is UTF-16 (byte-order mark found); convert it to UTF-8",
        ));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let line = line_of(&bytes, pos);
        return Err(Error::invalid(
            path,
            line,
            format!("binary file (NUL byte at offset {pos}), expected UTF-8 text"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(s) => {
            if s.trim().is_empty() {
                return Err(Error::invalid(path, 1, "file is empty"));
            }
            Ok(s)
        }
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let line = line_of(e.as_bytes(), pos);
            Err(Error::invalid(
                path,
                line,
                format!("invalid UTF-8 at byte offset {pos}"),
            ))
        }
    }
}

fn line_of(bytes: &[u8], pos: usize) -> u64 {
    bytes[..pos].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Plain text: blocks are runs of non-blank lines; inside a run, a line
/// without final punctuation followed by a line starting with a capital is a
/// title of its own.
fn text_blocks(source: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut offset = 0;
    for raw in source.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let line_start = start + lead;
        if let Some(block) = current.as_mut() {
            let prev_ends_sentence = block
                .text
                .trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_invisible(c))
                .ends_with([
                    '.', '!', '?', ':', ';', '"', '”', '\'', '’', ')', '。', '！', '？',
                ]);
            let starts_upper = trimmed.chars().next().is_some_and(|c| !c.is_lowercase());
            // A wrapped line ends inside a sentence: on a stop word, a comma or a hyphen.
            let prev_last = block.text.split_whitespace().last().unwrap_or("");
            let wrapped = prev_last.ends_with([',', '-', '–', '—'])
                || crate::lexicon::is_stop_word(&crate::text::fold(prev_last));
            if !prev_ends_sentence && starts_upper && !wrapped {
                let mut done = current.take().unwrap_or_else(empty_block);
                done.heading = true;
                blocks.push(done);
            } else {
                let at = if block.text.is_empty() {
                    start
                } else {
                    block.source_offset(block.text.len() - 1) + 1
                };
                block.push(" ", at, false);
            }
        }
        let block = current.get_or_insert_with(empty_block);
        block.push(trimmed, line_start, true);
    }
    blocks.extend(current.take());
    for block in &mut blocks {
        if !block.heading {
            block.heading = looks_like_title(&block.text);
        }
    }
    blocks
}

fn empty_block() -> Block {
    Block {
        text: String::new(),
        runs: Vec::new(),
        heading: false,
    }
}

/// A short line without final punctuation reads as a title.
fn looks_like_title(text: &str) -> bool {
    // Invisible characters (a trailing bidi isolate or zero-width joiner)
    // must not hide the final period.
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || crate::text::is_invisible(c));
    !t.ends_with(['.', '!', '?', '"', '”', ':', ';', '。', '！', '？']) && t.split_whitespace().count() <= 16
}

/// Markdown: text events of paragraphs, headings, list items and table cells.
fn markdown_blocks(source: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = empty_block();
    let mut skip_depth = 0usize;
    let flush = |current: &mut Block, blocks: &mut Vec<Block>| {
        if !current.text.trim().is_empty() {
            blocks.push(std::mem::replace(current, empty_block()));
        } else {
            *current = empty_block();
        }
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut blocks);
                current.heading = true;
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::Item)
            | Event::Start(Tag::TableCell)
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableCell) => flush(&mut current, &mut blocks),
            Event::Text(text) | Event::Code(text) if skip_depth == 0 => {
                // Text equal to its source slice maps byte for byte; escaped
                // or entity text maps to the start of its source range.
                let exact = source.get(range.clone()) == Some(text.as_ref());
                current.push(&text, range.start, exact);
            }
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 => {
                current.push(" ", range.start, false);
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    for block in &mut blocks {
        if !block.heading {
            block.heading = looks_like_title(&block.text) && !block.text.contains(". ");
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_markup_does_not_leak_and_offsets_map_back() {
        let src = "# The *Title*\n\nSome **bold** text with a [link](http://x.y).\n\n- item one\n";
        let a = Article::parse("a.md", src.to_string(), true);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["The Title", "Some bold text with a link.", "item one"]
        );
        assert!(a.blocks[0].heading);
        let b = &a.blocks[1];
        let i = b.text.find("bold").unwrap();
        assert_eq!(a.line_col(b.source_offset(i)), (3, 8));
        assert_eq!(a.line_col(a.blocks[2].source_offset(0)), (5, 3));
    }

    #[test]
    fn text_titles_split_from_following_paragraph() {
        let src = "Big Title\n\nA Sub Title\nFirst sentence. Second one.\n";
        let a = Article::parse("a.txt", src.to_string(), false);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Big Title", "A Sub Title", "First sentence. Second one."]
        );
        assert!(a.blocks[1].heading);
        assert!(!a.blocks[2].heading);
        assert_eq!(a.line_col(a.blocks[2].source_offset(0)), (4, 1));
    }

    #[test]
    fn a_trailing_invisible_character_does_not_make_a_title() {
        let src = "Title\n\nThe tower was completed in 1889.\u{202E} It is tall.\u{2069}\u{200D}\n";
        let a = Article::parse("a.txt", src.to_string(), false);
        assert!(a.blocks[0].heading);
        assert!(!a.blocks[1].heading, "{:?}", a.blocks[1]);
        // Nor does a final CJK full stop.
        let a = Article::parse(
            "a.txt",
            "It opened in 1889. 它于1889年建成。\n".to_string(),
            false,
        );
        assert!(!a.blocks[0].heading);
    }

    #[test]
    fn wrapped_lines_join_into_one_block() {
        let src = "The council met in\nBrussels on Monday.\n";
        let a = Article::parse("a.txt", src.to_string(), false);
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.blocks[0].text, "The council met in Brussels on Monday.");
    }

    #[test]
    fn columns_count_characters() {
        let a = Article::parse("a.txt", "Kōno met Breton.".to_string(), false);
        let i = a.blocks[0].text.find("met").unwrap();
        assert_eq!(a.line_col(a.blocks[0].source_offset(i)), (1, 6));
    }

    #[test]
    fn columns_far_into_a_long_line_count_characters() {
        // Columns are counted from marks every few KiB, not from the line start.
        let src = format!("x\n{}", "é Kōno met Breton. ".repeat(2_000));
        let a = Article::parse("a.txt", src.clone(), false);
        for offset in [2, 3, 4097, 4098, 9000, 20_001, src.len() - 1, src.len()] {
            let offset = (0..=offset).rev().find(|&o| src.is_char_boundary(o)).unwrap();
            let col = src[2..offset].chars().count() + 1;
            assert_eq!(a.line_col(offset), (2, col), "offset {offset}");
        }
        // Not a char boundary: column 1, as before.
        assert_eq!(a.line_col(3), (2, 1));
    }

    #[test]
    fn source_offsets_of_runs_match_a_byte_table() {
        // Exact pieces map byte for byte (a multi-byte character to its
        // start), others to their start; past the end, the last character.
        let mut b = empty_block();
        assert_eq!(b.source_offset(3), 0);
        b.push("Kō", 10, true);
        b.push(" ", 20, false);
        b.push("&amp;", 30, false);
        let expected = [10, 11, 11, 20, 30, 30, 30, 30, 30, 30, 30];
        let got: Vec<usize> = (0..expected.len()).map(|i| b.source_offset(i)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn decode_rejects_bad_bytes_with_line() {
        let p = Path::new("x.txt");
        let e = decode(p, b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "x.txt:2: invalid UTF-8 at byte offset 7");
        let e = decode(p, b"a\0b".to_vec()).unwrap_err();
        assert!(e.to_string().contains("binary file"));
        assert!(decode(p, b"  \n".to_vec())
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert_eq!(decode(p, b"\xEF\xBB\xBFhi".to_vec()).unwrap(), "hi");
    }
}
