//! How a CSV file is written — BOM, encoding, line ending, delimiter — worked
//! out from its first bytes, so that the output mirrors it.

use std::borrow::Cow;
use std::io::{self, Cursor, Read};

use csv::{ByteRecord, ReaderBuilder};
use encoding_rs::WINDOWS_1252;

use super::reader::scan_fields;
use super::utf16::{self, Endian};
use super::{BatchError, Options};

pub const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How many bytes are read ahead to sniff the dialect; one more is read, to
/// tell whether they are the whole input.
pub const SNIFF_BYTES: usize = 1 << 20;
/// How many records the delimiter sniffer looks at.
const SNIFF_RECORDS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
    /// Excel's « Texte Unicode »: read as UTF-8 and written back as UTF-16.
    Utf16(Endian),
}

impl Encoding {
    /// The encoding of the bytes the batch works on: UTF-16 is turned into
    /// UTF-8 as it is read, and back as it is written.
    fn text(self) -> Encoding {
        match self {
            Encoding::Utf16(_) => Encoding::Utf8,
            other => other,
        }
    }

    /// A field's text; `None` for bytes that are not this encoding (only
    /// UTF-8 can fail).
    pub fn decode(self, bytes: &[u8]) -> Option<Cow<'_, str>> {
        match self.text() {
            Encoding::Windows1252 => Some(WINDOWS_1252.decode_without_bom_handling(bytes).0),
            _ => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        }
    }

    /// The bytes of `text` in this encoding, if it can write them exactly.
    pub fn exact_bytes(self, text: &str) -> Option<Vec<u8>> {
        match self.text() {
            Encoding::Windows1252 => {
                let (bytes, _, lossy) = WINDOWS_1252.encode(text);
                (!lossy).then(|| bytes.into_owned())
            }
            _ => Some(text.as_bytes().to_vec()),
        }
    }

    /// A field's text, whatever its bytes (invalid UTF-8 shown replaced).
    pub fn decode_lossy(self, bytes: &[u8]) -> Cow<'_, str> {
        self.decode(bytes)
            .unwrap_or_else(|| String::from_utf8_lossy(bytes))
    }

    /// Text of ours for the output, in its encoding: Windows-1252 has no `≤`
    /// nor U+202F, so those become `<=` and U+00A0 rather than `&#8804;`.
    pub fn encode(self, text: &str) -> Cow<'_, [u8]> {
        match self.text() {
            Encoding::Windows1252 => {
                let text = text
                    .replace('≤', "<=")
                    .replace('≥', ">=")
                    .replace('\u{202f}', "\u{a0}");
                Cow::Owned(WINDOWS_1252.encode(&text).0.into_owned())
            }
            _ => Cow::Borrowed(text.as_bytes()),
        }
    }
}

/// How a CSV file is written; the output mirrors the input's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: u8,
    pub encoding: Encoding,
    pub bom: bool,
    pub line_ending: LineEnding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    CrLf,
    /// Old Mac files: a lone CR.
    Cr,
}

impl LineEnding {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            LineEnding::Lf => b"\n",
            LineEnding::CrLf => b"\r\n",
            LineEnding::Cr => b"\r",
        }
    }
}

/// Is the whole of `reader` strict UTF-8? Reads it once, in constant memory.
pub fn is_utf8(mut reader: impl Read) -> io::Result<bool> {
    let mut buf = vec![0; 1 << 16];
    let mut carry = 0;
    loop {
        let n = reader.read(&mut buf[carry..])?;
        if n == 0 {
            return Ok(carry == 0);
        }
        let filled = carry + n;
        match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => carry = 0,
            // A character cut at the end of the buffer: keep its bytes for the next read.
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                carry = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// Reads up to [`SNIFF_BYTES`] of `source`, and one byte more if there is.
pub(super) fn read_sample(source: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut sample = Vec::new();
    source
        .take(SNIFF_BYTES as u64 + 1)
        .read_to_end(&mut sample)?;
    Ok(sample)
}

/// Whether a sample of [`SNIFF_BYTES`] and one more byte at most (what
/// [`read_sample`] reads) is the whole input: a file of exactly a MiB is.
pub fn whole(sample: &[u8]) -> bool {
    sample.len() <= SNIFF_BYTES
}

const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// An input opened for [`super::run`].
pub struct Opened<'a> {
    pub dialect: Dialect,
    /// The rows to read, past any BOM and, for UTF-16, decoded to UTF-8.
    pub reader: Box<dyn Read + 'a>,
    /// Its first MiB as the reader gives it, to learn the columns'
    /// conventions before the first row is priced.
    pub sample: Vec<u8>,
    /// A workbook's sheet, its cells as typed, row for record.
    pub sheet: Option<super::sheet::Sheet>,
}

/// What an input's name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A CSV, or no name (stdin).
    Csv,
    /// `.tsv`: tab-separated.
    Tsv,
    /// `.xlsx`, `.ods`…: a workbook, or else refused.
    Sheet,
}

/// Opens an input for [`super::run`]: a workbook, known by its first bytes,
/// is read whole ([`super::sheet`]); any other input's dialect is worked
/// out from its first bytes. `named`: what its name says. `rest_is_utf8`:
/// asked only when the first MiB is plain ASCII (a file can be scanned to
/// its end; a pipe cannot be read twice).
pub fn open<'a>(
    mut source: Box<dyn Read + 'a>,
    options: &Options,
    named: Named,
    rest_is_utf8: impl FnOnce() -> io::Result<bool>,
) -> Result<Opened<'a>, BatchError> {
    let mut sample = read_sample(&mut source).map_err(BatchError::Read)?;
    if super::sheet::looks_like(&sample) {
        // A workbook's cells are typed: no encoding to force on them.
        if options.encoding.is_some() {
            return Err(BatchError::EncodingOfWorkbook);
        }
        source.read_to_end(&mut sample).map_err(BatchError::Read)?;
        return super::sheet::open(sample, options);
    }
    if named == Named::Sheet {
        return Err(BatchError::SheetUnreadable { protected: false });
    }
    if options.sheet.is_some() {
        return Err(BatchError::SheetOfText);
    }
    let tsv = named == Named::Tsv;
    let utf16 = match options.encoding {
        Some(Encoding::Utf16(endian)) => Some(endian),
        // A UTF-16 BOM under another forced encoding: NUL bytes to come.
        Some(_) if sample.starts_with(UTF16_LE_BOM) || sample.starts_with(UTF16_BE_BOM) => {
            return Err(BatchError::Utf16Forced);
        }
        Some(_) => None,
        None if sample.starts_with(UTF16_LE_BOM) => Some(Endian::Little),
        None if sample.starts_with(UTF16_BE_BOM) => Some(Endian::Big),
        None => None,
    };
    let Some(endian) = utf16 else {
        let at_eof = whole(&sample);
        let dialect = sniff(&sample, at_eof, options, tsv, rest_is_utf8)?;
        if dialect.bom {
            sample.drain(..BOM.len());
        }
        return Ok(Opened {
            dialect,
            reader: Box::new(Cursor::new(sample.clone()).chain(source)),
            sample,
            sheet: None,
        });
    };
    let bom = match endian {
        Endian::Little => UTF16_LE_BOM,
        Endian::Big => UTF16_BE_BOM,
    };
    let has_bom = sample.starts_with(bom);
    if has_bom {
        sample.drain(..bom.len());
    }
    let offset = if has_bom { 2 } else { 0 };
    let mut decoded: Box<dyn Read + 'a> = Box::new(utf16::Decoder::new(
        Cursor::new(sample).chain(source),
        endian,
        offset,
    ));
    let sample = read_sample(&mut decoded).map_err(BatchError::Read)?;
    let at_eof = whole(&sample);
    // The decoded text is UTF-8: whatever `sniff` makes of its encoding is
    // overwritten just below.
    let mut dialect = sniff(&sample, at_eof, options, tsv, || Ok(true))?;
    dialect.encoding = Encoding::Utf16(endian);
    dialect.bom = has_bom;
    Ok(Opened {
        dialect,
        reader: Box::new(Cursor::new(sample.clone()).chain(decoded)),
        sample,
        sheet: None,
    })
}

/// Works out the dialect from the first bytes of the input. `at_eof`: the
/// sample is the whole input. `rest_is_utf8`: asked only when the sample is
/// UTF-8 and is not the whole input (a file can be scanned to its end).
pub fn sniff(
    sample: &[u8],
    at_eof: bool,
    options: &Options,
    tsv: bool,
    rest_is_utf8: impl FnOnce() -> io::Result<bool>,
) -> Result<Dialect, BatchError> {
    let bom = sample.starts_with(BOM);
    let body = if bom { &sample[BOM.len()..] } else { sample };
    if body.is_empty() {
        return Err(BatchError::Empty);
    }
    if body.contains(&0) {
        return Err(nul_bytes(body));
    }
    let encoding = match options.encoding {
        Some(e) => e,
        None if bom => Encoding::Utf8,
        None => match std::str::from_utf8(body) {
            Ok(_) if at_eof => Encoding::Utf8,
            Err(e) if at_eof || e.error_len().is_some() => Encoding::Windows1252,
            // Accented letters already seen as valid UTF-8 sequences: Windows-1252
            // text does not form those by chance, so the rest need not be read twice.
            _ if !body.is_ascii() => Encoding::Utf8,
            // Plain ASCII so far says nothing: the first `é` may be further on.
            _ => {
                if rest_is_utf8().map_err(BatchError::Read)? {
                    Encoding::Utf8
                } else {
                    Encoding::Windows1252
                }
            }
        },
    };
    let delimiter = match options.delimiter {
        Some(d) => d,
        None if tsv => b'\t',
        None => sniff_delimiter(body, at_eof)?,
    };
    // The header record's own ending tells the file's: not a line break
    // inside a quoted header cell (Excel writes LF there, CRLF between rows).
    let mut header_end = None;
    scan_fields(body, delimiter, |i, b| {
        let eol = b == b'\n' || b == b'\r';
        if eol {
            header_end = Some(i);
        }
        !eol
    });
    let line_ending = match header_end {
        Some(i) if body[i] == b'\r' && body.get(i + 1) == Some(&b'\n') => LineEnding::CrLf,
        Some(i) if body[i] == b'\r' => LineEnding::Cr,
        _ => LineEnding::Lf,
    };
    Ok(Dialect {
        delimiter,
        encoding,
        bom,
        line_ending,
    })
}

/// Why a sample holds NUL bytes, which text never does: UTF-16 read byte by
/// byte has one in every other byte of its ASCII characters.
fn nul_bytes(body: &[u8]) -> BatchError {
    let pairs = body.len().min(4096) / 2;
    let zeros_at = |parity| (0..pairs).filter(|i| body[2 * i + parity] == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let mostly = |n: usize| pairs > 0 && n * 3 >= pairs * 2;
    if mostly(odd) && even == 0 {
        BatchError::Utf16WithoutBom { big_endian: false }
    } else if mostly(even) && odd == 0 {
        BatchError::Utf16WithoutBom { big_endian: true }
    } else {
        BatchError::Binary
    }
}

/// The delimiter whose records agree best with the header's field count.
fn sniff_delimiter(body: &[u8], at_eof: bool) -> Result<u8, BatchError> {
    let mut scored = Vec::new();
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(body);
        let mut counts: Vec<usize> = Vec::new();
        let mut record = ByteRecord::new();
        while counts.len() < SNIFF_RECORDS && reader.read_byte_record(&mut record).unwrap_or(false)
        {
            counts.push(record.len());
        }
        // The last record of a sample cut short may itself be cut.
        if !at_eof && counts.len() > 1 && counts.len() < SNIFF_RECORDS {
            counts.pop();
        }
        let Some(&width) = counts.first() else {
            continue;
        };
        if width < 2 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == width).count();
        // Agreement as a fraction, compared exactly: agreeing / total.
        scored.push((delimiter, agreeing, counts.len(), width));
    }
    scored.sort_by(|a, b| {
        let (fa, fb) = (a.1 * b.2, b.1 * a.2);
        fb.cmp(&fa).then(b.3.cmp(&a.3))
    });
    match scored.as_slice() {
        [] => Ok(b','),
        [only] => Ok(only.0),
        [best, second, ..] => {
            if best.1 * second.2 == second.1 * best.2 && best.3 == second.3 {
                Err(BatchError::AmbiguousDelimiter(best.0, second.0))
            } else {
                Ok(best.0)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoding `sniff` settles on, and whether it read the rest.
    fn encoding_of(sample: &[u8], at_eof: bool, rest: bool) -> (Encoding, bool) {
        let mut asked = false;
        let dialect = sniff(sample, at_eof, &Options::default(), false, || {
            asked = true;
            Ok(rest)
        })
        .unwrap();
        (dialect.encoding, asked)
    }

    #[test]
    fn the_delimiter_splitting_most_lines_alike_wins_then_the_widest() {
        let sniffed = |body: &str, at_eof| match sniff_delimiter(body.as_bytes(), at_eof) {
            Ok(d) => Ok(d as char),
            Err(BatchError::AmbiguousDelimiter(a, b)) => Err((a as char, b as char)),
            Err(other) => panic!("{other:?}"),
        };
        // `;` splits every line in 3, `,` two lines of three in 2.
        assert_eq!(sniffed("a,b;c;d\n1;2;3,5\n4;5;6\n", true), Ok(';'));
        // Both split every line: the one that splits them wider.
        assert_eq!(sniffed("a,b;c;d\ne,f;g;h\n", true), Ok(';'));
        assert_eq!(sniffed("a;b,c,d\ne;f,g,h\n", true), Ok(','));
        // As alike and as wide: for the user to say.
        assert_eq!(sniffed("a,b;c\nd,e;f\n", true), Err((',', ';')));
        // The last line of a sample cut short may be cut: it does not count.
        let cut = "a;b,x;c\n1;2,y;3\n4;5,z";
        assert_eq!(sniffed(cut, true), Ok(','));
        assert_eq!(sniffed(cut, false), Ok(';'));
        // A lone line is no cut one; a tab or a pipe as any other.
        assert_eq!(sniffed("a;b;c", false), Ok(';'));
        assert_eq!(sniffed("a\tb\tc\nd\te\tf\n", true), Ok('\t'));
        assert_eq!(sniffed("a|b\nc|d\n", true), Ok('|'));
        // Nothing splits: a one-column list, read with `,`.
        assert_eq!(sniffed("abc\ndef\n", true), Ok(','));
        // Alike over several lines too.
        assert_eq!(sniffed("a,b;c\nd,e;f\ng,h;i\n", true), Err((',', ';')));
    }

    #[test]
    fn agreement_is_a_share_of_the_records_each_delimiter_reads() {
        let sniffed = |body: &str| sniff_delimiter(body.as_bytes(), true).ok().map(char::from);
        // A quote opens a field only at its start: the `"` after `g;` opens
        // one for `;`, which then reads the next five lines as part of its
        // third record, while it is a mere character for `,`. `;` agrees on
        // its 3 records of 3, `,` on 5 of its 7: more records, a smaller share.
        let body = "a;b,c\nd;e,f\ng;\"h\ni,j\nk,l\nm,n\no\"\n";
        assert_eq!(sniffed(body), Some(';'));
    }

    #[test]
    fn the_last_of_the_records_a_sample_is_read_for_is_whole_and_counts() {
        // SNIFF_RECORDS records read from a sample cut short, more after them:
        // the last one read is no cut one, and here it alone tells `;`.
        let mut body = String::from("a,b;c\n");
        body.push_str(&"d,e;f\n".repeat(SNIFF_RECORDS - 2));
        body.push_str("g;h\n");
        body.push_str(&"i,j;k\n".repeat(10));
        let sniffed = sniff_delimiter(body.as_bytes(), false).ok();
        assert_eq!(sniffed.map(char::from), Some(';'));
        // Records past the first SNIFF_RECORDS tell nothing: here the next
        // one would make `,` and `;` agree as often.
        let mut body = String::from("a,b;c\n");
        body.push_str(&"d,e;f\n".repeat(SNIFF_RECORDS - 2));
        body.push_str("g,h\ni;j\n");
        let sniffed = sniff_delimiter(body.as_bytes(), true).ok();
        assert_eq!(sniffed.map(char::from), Some(','));
    }

    #[test]
    fn a_character_cut_at_any_point_of_a_read_is_joined_to_the_next() {
        // The first read fills 64 KiB: put each width of character across
        // its end, cut after each of its bytes.
        for c in ['é', '€', '𝄞'] {
            for before in (1 << 16) - 4..=1 << 16 {
                let mut bytes = vec![b'a'; before];
                bytes.extend_from_slice(c.to_string().as_bytes());
                bytes.extend_from_slice(b"z\n");
                assert!(is_utf8(io::Cursor::new(&bytes)).unwrap(), "{c} at {before}");
                bytes.push(0xff);
                assert!(
                    !is_utf8(io::Cursor::new(&bytes)).unwrap(),
                    "{c} at {before}"
                );
            }
        }
    }

    #[test]
    fn the_encoding_is_told_from_the_sample_and_only_then_from_the_rest() {
        let cp1252 = b"nom;type\nS\xe8te;commune\n";
        let utf8 = "nom;type\nSète;commune\n".as_bytes();
        let ascii = b"nom;type\nSete;commune\n";
        // The whole file in the sample: its bytes say.
        assert_eq!(
            encoding_of(cp1252, true, true),
            (Encoding::Windows1252, false)
        );
        assert_eq!(encoding_of(utf8, true, false), (Encoding::Utf8, false));
        assert_eq!(encoding_of(ascii, true, false), (Encoding::Utf8, false));
        // A byte UTF-8 never holds, before the sample's end: Windows-1252.
        assert_eq!(
            encoding_of(cp1252, false, true),
            (Encoding::Windows1252, false)
        );
        // Accents seen as UTF-8, the sample cut inside a character: UTF-8.
        let cut = &utf8[..utf8.len() - 1];
        let mut cut_char = utf8.to_vec();
        cut_char.extend_from_slice(&"è".as_bytes()[..1]);
        assert_eq!(encoding_of(cut, false, false), (Encoding::Utf8, false));
        assert_eq!(
            encoding_of(&cut_char, false, false),
            (Encoding::Utf8, false)
        );
        // Plain ASCII so far: the rest of the file settles it.
        assert_eq!(encoding_of(ascii, false, true), (Encoding::Utf8, true));
        assert_eq!(
            encoding_of(ascii, false, false),
            (Encoding::Windows1252, true)
        );
        // A BOM says UTF-8, whatever follows.
        let mut bom = BOM.to_vec();
        bom.extend_from_slice(cp1252);
        assert_eq!(encoding_of(&bom, true, true), (Encoding::Utf8, false));
    }

    #[test]
    fn nul_bytes_tell_utf16_by_their_side_else_binary() {
        let le: Vec<u8> = "nom;type\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "nom;type\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(matches!(
            nul_bytes(&le),
            BatchError::Utf16WithoutBom { big_endian: false }
        ));
        assert!(matches!(
            nul_bytes(&be),
            BatchError::Utf16WithoutBom { big_endian: true }
        ));
        // Two thirds of the pairs with a NUL on one side: still UTF-16.
        let two_thirds = b"a\0b\0cd";
        assert!(matches!(
            nul_bytes(two_thirds),
            BatchError::Utf16WithoutBom { big_endian: false }
        ));
        let half = b"a\0b\0cdef";
        assert!(matches!(nul_bytes(half), BatchError::Binary));
        // NULs on both sides, or too few: binary.
        assert!(matches!(nul_bytes(b"\0a\0\0b\0"), BatchError::Binary));
        assert!(matches!(nul_bytes(b"abcdef\0x"), BatchError::Binary));
        assert!(matches!(nul_bytes(b"\0"), BatchError::Binary));
    }
}
