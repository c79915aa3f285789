//! The record: what `referat extract` writes for each document (schema `referat/1`).
//!
//! All serde types of the output live here, so the JSON contract is read in
//! one place; `referat schema` prints their JSON Schema (schemars). Field
//! names never change within a schema version. Optional values are `null`,
//! never missing; lists are `[]` when empty.
//!
//! Glossary: *punkt* agenda item · *sagsfremstilling* case presentation ·
//! *indstilling* recommendation · *beslutning* decision · *bilag* attachment ·
//! *konklusion* conclusion · *afbud* apologies (absent).

use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The schema identifier written in every record.
pub const SCHEMA_VERSION: &str = "referat/1";

/// One input document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always `referat/1` for this version of the format.
    pub schema: Cow<'static, str>,
    /// 16 hex chars of the SHA-256 of the source bytes (of the path, for unreadable files).
    pub id: String,
    /// Where the document came from and how it was read.
    pub source: Source,
    /// What kind of document this is.
    pub kind: DocKind,
    /// The document's title line(s), markup removed.
    pub title: Option<String>,
    /// The forum that met (committee, steering group, cluster).
    pub body: Option<String>,
    /// When and where the meeting took place.
    pub meeting: Option<Meeting>,
    /// The agenda items, in document order.
    pub items: Vec<AgendaItem>,
    /// Money amounts in the whole document.
    pub amounts: Vec<Amount>,
    /// Dates and periods in the whole document.
    pub dates: Vec<DateRef>,
    /// People recorded as taking part in the meeting.
    pub participants: Vec<Participant>,
    /// Canonical names of the public bodies the document mentions
    /// (municipalities, regions, health clusters, hospitals, national bodies).
    pub organisations: Vec<String>,
    /// Every table of the document.
    pub tables: Vec<Table>,
    /// The form of an application (`kind = application`): its fields and typed slots.
    pub form: Option<ApplicationForm>,
    /// The grant a report accounts for (`kind = report`).
    pub grant: Option<Grant>,
    /// What the OCR correction stage did.
    pub normalization: Normalization,
    /// Things a reader should check: missing sections, odd layout.
    pub warnings: Vec<String>,
    /// Set when the document could not be processed; the other fields are then empty.
    pub error: Option<RecordError>,
    /// The normalized text of the document and of each item, kept only when
    /// asked for (`ExtractOptions::keep_text`, for `--items`); never written.
    #[serde(skip)]
    #[schemars(skip)]
    pub texts: Option<Texts>,
}

/// The text every extractor read: of the whole document and of each item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    /// The document's normalized (and OCR-corrected) text.
    pub document: String,
    /// Each item's text, in item order.
    pub items: Vec<String>,
}

/// The schema identifier of the item stream (`--items`).
pub const ITEM_SCHEMA_VERSION: &str = "referat-item/1";

/// One line of the item stream (`referat extract --items`): an agenda item
/// with what a search index needs of its document. A document without
/// items gives one line for the whole document, without the item fields.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ItemRecord {
    /// Always `referat-item/1` for this version of the stream.
    pub schema: Cow<'static, str>,
    /// The document's id (16 hex chars of its SHA-256).
    pub doc_id: String,
    /// `<doc_id>-<n>`, n the item's 1-based position in the document (0 for
    /// a document without items): stable across runs and machines.
    pub item_id: String,
    /// The document's path as given.
    pub source_path: String,
    /// The document's title.
    pub doc_title: Option<String>,
    /// The document's kind.
    pub doc_kind: DocKind,
    /// The forum that met.
    pub body: Option<String>,
    /// The meeting's date, `YYYY-MM-DD`.
    pub meeting_date: Option<IsoDate>,
    /// The item's whole normalized text (the document's for a document
    /// without items), for full-text search.
    pub text: String,
    /// Set when the document could not be processed.
    pub error: Option<RecordError>,
    /// The item's fields, as in the document record.
    #[serde(flatten)]
    pub item: Option<AgendaItem>,
}

/// The stable id of an item: `<doc_id>-<n>`, n its 1-based position (0
/// for a document without items). The item stream and the datasets use it.
pub fn item_id(doc_id: &str, position: usize) -> String {
    format!("{doc_id}-{position}")
}

/// The item lines of one record.
pub fn item_records(r: &Record) -> Vec<ItemRecord> {
    let base = |item_id: String, text: String, item: Option<AgendaItem>| ItemRecord {
        schema: Cow::Borrowed(ITEM_SCHEMA_VERSION),
        doc_id: r.id.clone(),
        item_id,
        source_path: r.source.path.clone(),
        doc_title: r.title.clone(),
        doc_kind: r.kind,
        body: r.body.clone(),
        meeting_date: r.meeting.as_ref().and_then(|m| m.date),
        text,
        error: r.error.clone(),
        item,
    };
    let texts = r.texts.as_ref();
    if r.items.is_empty() {
        let text = texts.map(|t| t.document.clone()).unwrap_or_default();
        return vec![base(item_id(&r.id, 0), text, None)];
    }
    r.items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = texts
                .and_then(|t| t.items.get(i).cloned())
                .unwrap_or_default();
            base(item_id(&r.id, i + 1), text, Some(item.clone()))
        })
        .collect()
}

/// Where a record's document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The path as given (relative where it was given relative); `-` for stdin.
    pub path: String,
    /// Size of the source in bytes (0 when it could not be read).
    pub bytes: u64,
    /// SHA-256 of the source bytes, 64 hex chars; null when not read.
    pub sha256: Option<String>,
    /// The encoding the bytes were decoded as (`utf-8`, `utf-16le`, `windows-1252`, ...).
    pub encoding: Option<String>,
    /// `markdown` or `text`; null when the bytes are not text.
    pub format: Option<String>,
}

/// The kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Minutes (referat): items with decisions.
    Minutes,
    /// An agenda (dagsorden): items without decisions.
    Agenda,
    /// A funding application (ansøgning).
    Application,
    /// A grant report (afrapportering).
    Report,
    /// A memo (notat).
    Memo,
    /// Not recognised.
    Unknown,
}

/// When and where a meeting took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<IsoDate>,
    /// `HH:MM`.
    pub start_time: Option<String>,
    /// `HH:MM`.
    pub end_time: Option<String>,
    /// The venue as written.
    pub location: Option<String>,
}

/// One agenda item (punkt).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item's number as written (`2`, `12a`).
    pub number: String,
    /// The title without `Punkt N:`, kind prefix or time slot.
    pub title: String,
    /// The kind of case, from the title prefix.
    pub kind: Option<ItemKind>,
    /// The case number (sagsnr.) as written.
    pub case_number: Option<String>,
    /// The item's time slot.
    pub time: Option<TimeSlot>,
    /// The item's sections in order.
    pub sections: Vec<Section>,
    /// The numbered points or `at ...` clauses of the indstilling.
    pub recommendations: Vec<String>,
    /// The decision, when the item has a beslutning or konklusion.
    pub decision: Option<Decision>,
    /// Attachment names from the bilag sections.
    pub attachments: Vec<String>,
    /// Money amounts inside the item.
    pub amounts: Vec<Amount>,
    /// Dates and periods inside the item.
    pub dates: Vec<DateRef>,
    /// People named in the item (speakers, members of a working group).
    pub people: Vec<Participant>,
    /// Canonical names of the public bodies the item mentions.
    pub organisations: Vec<String>,
    /// The tables inside the item.
    pub tables: Vec<Table>,
    /// The whole item in the source.
    pub span: Span,
}

/// The kind of an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ItemKind {
    /// Beslutningssag: a case for decision.
    #[serde(rename = "beslutningssag")]
    Beslutningssag,
    /// Drøftelsessag: a case for discussion.
    #[serde(rename = "drøftelsessag")]
    Droeftelsessag,
    /// Orienteringssag: information.
    #[serde(rename = "orienteringssag")]
    Orienteringssag,
    /// Skriftlig orientering: written information.
    #[serde(rename = "skriftlig orientering")]
    SkriftligOrientering,
    /// Meddelelser: announcements.
    #[serde(rename = "meddelelse")]
    Meddelelse,
    /// Eventuelt: any other business.
    #[serde(rename = "eventuelt")]
    Eventuelt,
    /// A break.
    #[serde(rename = "pause")]
    Pause,
    /// Welcome.
    #[serde(rename = "velkomst")]
    Velkomst,
    /// A recognised procedural item of no other kind (approval of the agenda, ...).
    #[serde(rename = "other")]
    Other,
}

/// A time slot `HH:MM`–`HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeSlot {
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`, null when only a start is given.
    pub end: Option<String>,
}

/// One section of an agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What the section is.
    pub name: SectionName,
    /// The heading as written, markup removed; null for text before any heading.
    pub heading: Option<String>,
    /// The section's text without its heading and markup; paragraphs separated by blank lines.
    pub text: String,
    /// The section in the source, heading included.
    pub span: Span,
}

/// The name of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionName {
    /// Resumé: summary.
    Resume,
    /// Sagsfremstilling: the case presentation.
    Sagsfremstilling,
    /// Indstilling: the recommendation.
    Indstilling,
    /// Beslutning: the decision.
    Beslutning,
    /// Konklusion: a decision summary.
    Konklusion,
    /// Bilag: attachments.
    Bilag,
    /// Anything else (text before the first known heading).
    Other,
}

/// What the meeting decided on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The beslutning (and konklusion) text.
    pub text: String,
    /// The outcome read from the text.
    pub outcome: Outcome,
    /// The votes cast, when the text gives them (`For stemte: 20 (A, V,
    /// F)`, `godkendt med 20 stemmer for og 3 imod`, `enstemmigt`); null
    /// when it names no vote.
    pub votes: Option<Votes>,
}

/// The votes cast on a decision, as far as its text gives them: a count
/// it does not give is null, a side it names no one on is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// How many voted for.
    #[serde(rename = "for")]
    pub in_favour: Option<u32>,
    /// How many voted against.
    pub against: Option<u32>,
    /// How many abstained (`undlod at stemme`, `stemte blankt`).
    pub abstained: Option<u32>,
    /// `enstemmigt`: no one voted otherwise.
    pub unanimous: bool,
    /// Who voted for, as written: parties' letters or names (`A`,
    /// `Venstre`) or people's names.
    pub for_by: Vec<String>,
    /// Who voted against, as written.
    pub against_by: Vec<String>,
    /// Who abstained, as written.
    pub abstained_by: Vec<String>,
}

/// The outcome of a decision.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No verdict: attendance, remarks, `Intet at bemærke`.
    None,
    /// Discussed (`drøftede`).
    Discussed,
    /// Noted (`taget til efterretning`).
    Noted,
    /// Postponed (`udsat`).
    Postponed,
    /// Approved (`godkendt`, `besluttede`).
    Approved,
    /// Rejected (`ikke godkendt`, `afvist`, `ikke tilslutning`).
    Rejected,
    /// Some parts approved, others rejected.
    Mixed,
}

/// A money amount (filled by the amount extractor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// The value in `currency` (the upper bound of a range).
    pub value: f64,
    /// ISO 4217 code, `DKK`.
    // A constant, borrowed: not a string allocated per amount.
    pub currency: Cow<'static, str>,
    /// The expression as written.
    pub raw: String,
    /// Where it stands in the source.
    pub span: Span,
    /// `ca.`, `cirka`, `prisoverslag`: an estimate.
    pub approximate: bool,
    /// The unit the amount is per (`år`, `måned`, `borger`, ...).
    pub per: Option<String>,
    /// The bounds of a range such as `1-2000 kr`.
    pub range: Option<AmountRange>,
    /// Up to 80 chars of the sentence around it.
    pub context: String,
    /// True when the amount is a table cell.
    pub in_table: bool,
}

/// The bounds of an amount range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountRange {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// A calendar day as ISO 8601 `YYYY-MM-DD` (years 0000–9999), kept as its
/// ten ASCII bytes: a date is `Copy` and costs no allocation (three
/// strings a day, cloned again into each agenda item, were 1 % of the
/// instructions). Ordered as the days are; serialized as the string, and
/// its schema is a string's.
///
/// ```
/// use referat::record::IsoDate;
/// let d = IsoDate::new(2024, 4, 22).unwrap();
/// assert_eq!(d.as_str(), "2024-04-22");
/// assert_eq!(d.year(), 2024);
/// assert_eq!("2024-04-22".parse::<IsoDate>(), Ok(d));
/// assert!(IsoDate::new(2023, 12, 31) < Some(d));
/// assert!(IsoDate::new(12024, 1, 1).is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate([u8; 10]);

impl IsoDate {
    /// The day `year`-`month`-`day` written out; `None` unless the year is
    /// 0–9999, the month 1–12 and the day 1–31 (the calendar is the
    /// caller's: the extractors write only days that exist).
    pub fn new(year: i32, month: u32, day: u32) -> Option<IsoDate> {
        let year = u32::try_from(year).ok().filter(|y| *y <= 9999)?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let digit = |n: u32| b'0' + (n % 10) as u8;
        Some(IsoDate([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ]))
    }

    /// The date as written: `2024-04-22`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII digits and dashes")
    }

    fn number(&self, range: std::ops::Range<usize>) -> u32 {
        self.0[range]
            .iter()
            .fold(0, |n, &b| n * 10 + u32::from(b - b'0'))
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.number(0..4) as i32
    }

    /// The month, 1–12.
    pub fn month(&self) -> u32 {
        self.number(5..7)
    }

    /// The day of the month, 1–31.
    pub fn day(&self) -> u32 {
        self.number(8..10)
    }
}

/// Why a string is not an [`IsoDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date written YYYY-MM-DD: {0:?}")]
pub struct IsoDateError(String);

impl std::str::FromStr for IsoDate {
    type Err = IsoDateError;

    /// Reads `YYYY-MM-DD` (month 1–12, day 1–31), nothing more or less.
    fn from_str(s: &str) -> Result<IsoDate, IsoDateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let well_formed = b.len() == 10
            && digits(0..4)
            && b[4] == b'-'
            && digits(5..7)
            && b[7] == b'-'
            && digits(8..10);
        let date = well_formed.then(|| IsoDate(b.try_into().expect("ten bytes")));
        date.filter(|d| IsoDate::new(d.year(), d.month(), d.day()) == Some(*d))
            .ok_or_else(|| IsoDateError(s.to_string()))
    }
}

impl std::fmt::Display for IsoDate {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for IsoDate {
    /// As the string's (`"2024-04-22"`).
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Read as the string it is (`d.start.as_deref() == Some("2024-04-22")`,
/// as when the dates were `String`s).
impl std::ops::Deref for IsoDate {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for IsoDate {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for IsoDate {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for IsoDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(g)
    }
}

/// A date, period or year range (filled by the date extractor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRef {
    /// The expression as written.
    pub raw: String,
    /// ISO date when `precision` is `day`.
    pub value: Option<IsoDate>,
    /// First day of the period.
    pub start: Option<IsoDate>,
    /// Last day of the period.
    pub end: Option<IsoDate>,
    /// `day`, `week`, `month`, `quarter`, `half`, `season`, `year` or `years`.
    // Borrowed from the extractor's constants: a string allocated (and
    // freed, and cloned into each item) per date was 0.5 % of the
    // instructions on the devset.
    pub precision: Cow<'static, str>,
    /// True when the year was not written and was taken from context.
    pub year_inferred: bool,
    /// Where it stands in the source.
    pub span: Span,
}

/// An application form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationForm {
    /// The project's title (`PROJEKTETS TITEL`).
    pub title: Option<String>,
    /// Who applies (`ANSØGERS NAVN`, else `PROJEKTANSVARLIG`), with title and organisation.
    pub applicant: Option<Participant>,
    /// `FORMÅL`.
    pub purpose: Option<String>,
    /// The short description (`PROJEKTBESKRIVELSE (kort resumé)`), at most about 2,000 bytes.
    pub summary: Option<String>,
    /// `ANSØGT BELØB`: the amount applied for.
    pub amount_requested: Option<Amount>,
    /// `BUDGET FORDELT PÅ ÅR`: each year with its amount.
    pub budget_by_year: Vec<YearAmount>,
    /// `TOTALBUDGET`.
    pub total_budget: Option<Amount>,
    /// The project period, when the period field names dates.
    pub period: Option<Period>,
    /// Every `LABEL: value` pair of the form in document order, labels as
    /// written (whitespace collapsed); a repeated label gets ` (2)`.
    pub fields: FormFields,
}

/// One year of a budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearAmount {
    /// The year.
    pub year: i32,
    /// Its amount.
    pub amount: Amount,
}

/// A period with ISO first and last days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day, `YYYY-MM-DD`.
    pub start: Option<IsoDate>,
    /// Last day, `YYYY-MM-DD`.
    pub end: Option<IsoDate>,
}

/// The grant a report accounts for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// The amount granted.
    pub amount: Amount,
    /// The year of the grant (`fik i 2014 bevilliget`).
    pub year: Option<i32>,
    /// Who granted it (`fra Kvalitets- og Efteruddannelsesudvalget for almen praksis`).
    pub funder: Option<String>,
    /// The period the money was used in (`i perioden 2014-2017`).
    pub period: Option<Period>,
}

/// Form fields as a JSON object whose keys keep the form's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormFields(pub Vec<(String, String)>);

impl Serialize for FormFields {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de> Deserialize<'de> for FormFields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = FormFields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of string values")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<FormFields, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    out.push((k, v));
                }
                Ok(FormFields(out))
            }
        }
        d.deserialize_map(Visit)
    }
}

impl JsonSchema for FormFields {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormFields".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, String>>::json_schema(g)
    }
}

/// What the OCR correction stage found and did to a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Normalization {
    /// Whether the text was corrected as a scan (the gate's verdict, or `--ocr on`).
    pub ocr: bool,
    /// How many words were changed.
    pub corrections: usize,
    /// Share of `æøåÆØÅ` among the letters (clean Danish: about 0.02), to four decimals.
    pub danish_letter_share: f64,
}

/// A table: Markdown pipe rows or tab-separated rows, cells as plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The first row's cells.
    pub header: Vec<String>,
    /// The other rows, each a list of cells.
    pub rows: Vec<Vec<String>>,
    /// The whole table in the source.
    pub span: Span,
}

/// A person: a meeting participant or someone named in an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The person's name.
    pub name: String,
    /// Job title as written.
    pub title: Option<String>,
    /// The organisation they represent.
    pub organisation: Option<String>,
    /// The political party, as written: its letters (`A`, `V`, `DF`, from
    /// `Jens Jensen (A)` or `Jens Jensen, V`) or its name
    /// (`Socialdemokratiet`, from `Jens Jensen, Socialdemokratiet`).
    #[serde(default)]
    pub party: Option<String>,
    /// `mødeleder`, `formand`, `næstformand`, `referent`, `sekretariat`, `gæst`, `suppleant`.
    pub role: Option<String>,
    /// True when marked `(afbud)` or absent.
    pub absent: bool,
    /// Where it stands in the source.
    pub span: Span,
}

/// Why a document could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordError {
    /// The class of failure.
    pub kind: ErrorKind,
    /// A human-readable explanation.
    pub message: String,
}

/// The class of a per-document failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Binary content (NUL bytes): a PDF, an image.
    NotText,
    /// The file could not be read.
    Io,
    /// The file is larger than `--max-bytes`.
    TooLarge,
    /// A bug in referat: a panic caught while processing this document.
    Internal,
}

/// The JSON Schema of [`Record`].
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Record)).expect("schema serializes")
}

/// The JSON Schema of the item stream, as `referat schema --items` prints it.
pub fn item_json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ItemRecord)).expect("schema serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written as `format!("{y:04}-{m:02}-{d:02}")` writes it, for every
    /// year it takes and around the ends; read back by `parse`.
    #[test]
    fn iso_dates_as_format_writes_them() {
        let years = [0, 7, 99, 999, 1000, 1999, 2024, 9999];
        for y in years.into_iter().chain(1890..2110) {
            for (m, d) in [(1, 1), (3, 9), (10, 10), (12, 31), (2, 30)] {
                let date = IsoDate::new(y, m, d).unwrap();
                let text = format!("{y:04}-{m:02}-{d:02}");
                assert_eq!(date.as_str(), text);
                assert_eq!((date.year(), date.month(), date.day()), (y, m, d));
                assert_eq!(text.parse::<IsoDate>(), Ok(date));
            }
        }
        for (y, m, d) in [
            (-1, 1, 1),
            (10_000, 1, 1),
            (i32::MAX, 1, 1),
            (2024, 0, 1),
            (2024, 13, 1),
            (2024, 1, 0),
            (2024, 1, 32),
        ] {
            assert_eq!(IsoDate::new(y, m, d), None, "{y} {m} {d}");
        }
    }

    #[test]
    fn only_a_date_written_iso_parses() {
        for bad in [
            "",
            "2024-4-22",
            "2024-04-22 ",
            "2024/04/22",
            "2024-13-01",
            "2024-00-10",
            "2024-01-32",
            "2024-01-00",
            "20240-1-22",
            "２０２４-04-22",
            "2024-04-2x",
        ] {
            assert!(bad.parse::<IsoDate>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn iso_dates_serialize_as_strings() {
        let d = IsoDate::new(2024, 4, 22).unwrap();
        assert_eq!(serde_json::to_string(&Some(d)).unwrap(), r#""2024-04-22""#);
        assert_eq!(format!("{d:?} {d}"), r#""2024-04-22" 2024-04-22"#);
        let back: Option<IsoDate> = serde_json::from_str(r#""2024-04-22""#).unwrap();
        assert_eq!(back, Some(d));
        assert!(serde_json::from_str::<IsoDate>(r#""22-04-2024""#).is_err());
        // The schema of a date is a string's, as before the type.
        assert_eq!(
            serde_json::to_value(schemars::schema_for!(Option<IsoDate>)).unwrap()["type"],
            serde_json::json!(["string", "null"])
        );
    }
}
