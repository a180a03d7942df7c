//! CSV and Excel input: rows mapped to the fields of SPEC §3 by a column mapping, then
//! checked exactly like JSON Lines.
//!
//! A mapping is a list of `FIELD=COLUMN` pairs (`--map title=職缺名稱 --map
//! employer.name=公司名稱`). Fields are dotted paths; list fields (`skills`,
//! `industries`, …) split a cell on `;`, `；`, `、` and `,`, and may be mapped from several
//! columns, whose items are joined. Without a mapping, columns named like a field map to
//! it. A row without an id gets `FILE#ROW` (the file name and the 1-based data row), so
//! importing the same file again replaces rather than duplicates.

use std::path::Path;

use calamine::{Data, DataType, Reader, open_workbook_auto};
use meihe_core::Level;
use meihe_core::schema::Kind;
use serde_json::{Map, Value};

use crate::{Error, Result};

/// How a mapped cell becomes a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldType {
    Text,
    Integer,
    Number,
    Boolean,
    /// A list of strings.
    Strings,
    /// A list of skills given by name.
    Skills,
    /// A list of certifications, each a name or id with an optional trailing level.
    Certifications,
    /// A list of language codes.
    Languages,
}

const JOB_FIELDS: &[(&str, FieldType)] = &[
    ("id", FieldType::Text),
    ("title", FieldType::Text),
    ("employer.id", FieldType::Text),
    ("employer.name", FieldType::Text),
    ("description", FieldType::Text),
    ("lang", FieldType::Text),
    ("skills", FieldType::Skills),
    ("certifications", FieldType::Certifications),
    ("occupation", FieldType::Text),
    ("industries", FieldType::Strings),
    ("location.city", FieldType::Text),
    ("location.country", FieldType::Text),
    ("location.remote", FieldType::Boolean),
    ("salary.min", FieldType::Integer),
    ("salary.max", FieldType::Integer),
    ("salary.period", FieldType::Text),
    ("salary.currency", FieldType::Text),
    ("employment_type", FieldType::Text),
    ("work_category", FieldType::Text),
    ("headcount", FieldType::Integer),
    ("languages", FieldType::Languages),
    ("posted_at", FieldType::Text),
    ("expires_at", FieldType::Text),
    ("fairs", FieldType::Strings),
];

const RESUME_FIELDS: &[(&str, FieldType)] = &[
    ("id", FieldType::Text),
    ("name", FieldType::Text),
    ("contact.email", FieldType::Text),
    ("contact.phone", FieldType::Text),
    ("headline", FieldType::Text),
    ("summary", FieldType::Text),
    ("lang", FieldType::Text),
    ("experience.title", FieldType::Text),
    ("experience.employer", FieldType::Text),
    ("experience.description", FieldType::Text),
    ("education.degree", FieldType::Text),
    ("education.field", FieldType::Text),
    ("education.school", FieldType::Text),
    ("skills", FieldType::Skills),
    ("certifications", FieldType::Certifications),
    ("occupations", FieldType::Strings),
    ("industries", FieldType::Strings),
    ("location.city", FieldType::Text),
    ("location.country", FieldType::Text),
    ("location.willing_to_relocate", FieldType::Boolean),
    ("desired_salary.min", FieldType::Integer),
    ("desired_salary.max", FieldType::Integer),
    ("desired_salary.period", FieldType::Text),
    ("desired_salary.currency", FieldType::Text),
    ("work_authorization.status", FieldType::Text),
    ("work_authorization.years_in_taiwan", FieldType::Number),
    ("work_authorization.continuous_years", FieldType::Number),
    ("work_authorization.years_with_current_employer", FieldType::Number),
    ("work_authorization.training_hours", FieldType::Integer),
    ("languages", FieldType::Languages),
    ("fairs", FieldType::Strings),
    ("visibility", FieldType::Text),
    ("updated_at", FieldType::Text),
];

/// Fields that are lists of objects holding one entry built from several mapped columns.
const SINGLE_ENTRY_LISTS: &[&str] = &["experience", "education"];

/// Separators of list items within a cell.
const LIST_SEPARATORS: &[char] = &[';', '；', '、', ','];

/// A checked mapping from fields to the column indexes that feed them.
#[derive(Debug, Clone)]
pub struct ColumnMapping {
    kind: Kind,
    fields: Vec<(String, FieldType, Vec<usize>)>,
    id_mapped: bool,
}

impl ColumnMapping {
    /// Builds the mapping of `kind` from `FIELD=COLUMN` specs against a header row;
    /// with no specs, columns named like a field map to it.
    pub fn new(
        kind: Kind,
        specs: &[String],
        headers: &[String],
    ) -> std::result::Result<ColumnMapping, String> {
        let known = match kind {
            Kind::Jobs => JOB_FIELDS,
            Kind::Resumes => RESUME_FIELDS,
        };
        let mut fields: Vec<(String, FieldType, Vec<usize>)> = Vec::new();
        let mut add = |field: &str, column: usize| -> std::result::Result<(), String> {
            let Some((_, field_type)) = known.iter().find(|(name, _)| *name == field) else {
                let names: Vec<&str> = known.iter().map(|(name, _)| *name).collect();
                return Err(format!(
                    "unknown field `{field}` in --map: expected one of {}",
                    names.join(", ")
                ));
            };
            match fields.iter_mut().find(|(name, _, _)| name == field) {
                Some((_, field_type, columns)) if is_list(*field_type) => columns.push(column),
                Some(_) => {
                    return Err(format!(
                        "field `{field}` is mapped twice; only list fields take several columns"
                    ));
                }
                None => fields.push((field.to_owned(), *field_type, vec![column])),
            }
            Ok(())
        };
        let find_column =
            |column: &str| headers.iter().position(|header| header.trim() == column.trim());
        if specs.is_empty() {
            for (index, header) in headers.iter().enumerate() {
                if known.iter().any(|(name, _)| *name == header.trim()) {
                    add(header.trim(), index)?;
                }
            }
        }
        for spec in specs {
            let Some((field, column)) = spec.split_once('=') else {
                return Err(format!(
                    "--map `{spec}` is not FIELD=COLUMN (for example title=職缺名稱)"
                ));
            };
            let index = find_column(column).ok_or_else(|| {
                format!(
                    "--map `{spec}`: no column `{column}`; the columns are: {}",
                    headers.join(", ")
                )
            })?;
            add(field.trim(), index)?;
        }
        if fields.is_empty() {
            return Err(
                "no column maps to a field: give --map FIELD=COLUMN (see `meihe index --help`)"
                    .to_owned(),
            );
        }
        let id_mapped = fields.iter().any(|(name, _, _)| name == "id");
        Ok(ColumnMapping { kind, fields, id_mapped })
    }

    /// Turns one row into the JSON text of a posting or résumé. `row_id` is used when no
    /// id column is mapped or the cell is empty. Errors name the field and the column.
    pub fn row_to_json(
        &self,
        row: &[String],
        headers: &[String],
        row_id: &str,
    ) -> std::result::Result<String, (String, String)> {
        let mut object = Map::new();
        for (field, field_type, columns) in &self.fields {
            let cells: Vec<&str> = columns
                .iter()
                .map(|index| row.get(*index).map_or("", |cell| trim_cell(cell)))
                .collect();
            let column_names =
                columns.iter().map(|index| headers[*index].as_str()).collect::<Vec<_>>().join(", ");
            let value = cell_value(*field_type, &cells, self.kind)
                .map_err(|message| (field.clone(), format!("{message} (column {column_names})")))?;
            if let Some(value) = value {
                insert_path(&mut object, field, value);
            }
        }
        let has_id = object.get("id").and_then(Value::as_str).is_some_and(|id| !id.is_empty());
        if !self.id_mapped || !has_id {
            object.insert("id".to_owned(), Value::String(row_id.to_owned()));
        }
        Ok(Value::Object(object).to_string())
    }
}

/// Trims white space and the invisible characters spreadsheets leave behind (zero-width
/// space, byte-order mark).
fn trim_cell(cell: &str) -> &str {
    cell.trim_matches(|character: char| {
        character.is_whitespace() || matches!(character, '\u{200B}' | '\u{FEFF}')
    })
}

fn is_list(field_type: FieldType) -> bool {
    matches!(
        field_type,
        FieldType::Strings | FieldType::Skills | FieldType::Certifications | FieldType::Languages
    )
}

fn cell_value(
    field_type: FieldType,
    cells: &[&str],
    kind: Kind,
) -> std::result::Result<Option<Value>, String> {
    let cell = cells.first().copied().unwrap_or_default();
    let items = || -> Vec<&str> {
        cells
            .iter()
            .flat_map(|cell| cell.split(LIST_SEPARATORS))
            .map(trim_cell)
            .filter(|item| !item.is_empty() && *item != "未提供")
            .collect()
    };
    if !is_list(field_type) && cell.is_empty() {
        return Ok(None);
    }
    let value = match field_type {
        FieldType::Text => Value::String(cell.to_owned()),
        FieldType::Integer => {
            let digits: String = cell
                .chars()
                .filter(|character| *character != ',' && !character.is_whitespace())
                .collect();
            let number: i64 =
                digits.parse().map_err(|_| format!("expected a whole number, found `{cell}`"))?;
            Value::from(number)
        }
        FieldType::Number => {
            let number: f64 =
                cell.parse().map_err(|_| format!("expected a number, found `{cell}`"))?;
            serde_json::Number::from_f64(number)
                .map(Value::Number)
                .ok_or_else(|| format!("expected a finite number, found `{cell}`"))?
        }
        FieldType::Boolean => match cell.to_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "是" | "可" => Value::Bool(true),
            "false" | "no" | "n" | "0" | "否" | "不可" => Value::Bool(false),
            _ => return Err(format!("expected true or false (yes/no, 是/否), found `{cell}`")),
        },
        FieldType::Strings => {
            Value::Array(items().into_iter().map(|item| Value::String(item.to_owned())).collect())
        }
        FieldType::Skills => Value::Array(
            items().into_iter().map(|item| serde_json::json!({ "name": item })).collect(),
        ),
        FieldType::Languages => Value::Array(
            items().into_iter().map(|item| serde_json::json!({ "lang": item })).collect(),
        ),
        FieldType::Certifications => {
            let level_key = match kind {
                Kind::Jobs => "min_level",
                Kind::Resumes => "level",
            };
            let entries = items()
                .into_iter()
                .map(|item| {
                    let (name, level) = split_level(item);
                    let mut entry = Map::new();
                    let is_id = name.starts_with("ipas-")
                        && name.bytes().all(|byte| {
                            byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-'
                        });
                    entry.insert(
                        (if is_id { "id" } else { "name" }).to_owned(),
                        Value::String(name.to_owned()),
                    );
                    if let Some(level) = level {
                        entry
                            .insert(level_key.to_owned(), Value::String(level.as_str().to_owned()));
                    }
                    Value::Object(entry)
                })
                .collect();
            Value::Array(entries)
        }
    };
    let empty_list = value.as_array().is_some_and(Vec::is_empty);
    Ok((!empty_list).then_some(value))
}

/// Splits a trailing level word off a certification cell item: `資訊安全工程師 中級`.
fn split_level(item: &str) -> (&str, Option<Level>) {
    let trimmed = item.trim_end_matches([')', '）']).trim_end();
    for word in [
        "初級",
        "中級",
        "高級",
        "初级",
        "中级",
        "高级",
        "beginner",
        "intermediate",
        "advanced",
        "L1",
        "L2",
        "L3",
    ] {
        if let Some(name) = trimmed.strip_suffix(word) {
            let name = name.trim_end_matches(['(', '（', ':', '-', ' ']).trim();
            if !name.is_empty() {
                return (name, Level::parse_any(word));
            }
        }
    }
    (item, None)
}

/// Puts `value` at a dotted path; `experience.x` and `education.x` go into one entry of
/// their list.
fn insert_path(object: &mut Map<String, Value>, path: &str, value: Value) {
    let mut parts = path.split('.');
    let head = parts.next().unwrap_or(path);
    let Some(rest) = parts.next() else {
        object.insert(head.to_owned(), value);
        return;
    };
    if SINGLE_ENTRY_LISTS.contains(&head) {
        let list = object
            .entry(head.to_owned())
            .or_insert_with(|| Value::Array(vec![Value::Object(Map::new())]));
        if let Some(Value::Object(entry)) =
            list.as_array_mut().and_then(|entries| entries.first_mut())
        {
            entry.insert(rest.to_owned(), value);
        }
        return;
    }
    let child = object.entry(head.to_owned()).or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(child) = child {
        child.insert(rest.to_owned(), value);
    }
}

/// One data row of a table, as [`read_csv`] and [`read_xlsx`] hand it over.
pub type Row = std::result::Result<Vec<String>, String>;

/// Reads a CSV file, streaming: calls `on_headers` with the header row (an error from it
/// stops the reading), then `on_row` with each data row's line number and byte offset. A
/// row with invalid UTF-8 or the wrong number of cells is an error for that row.
pub fn read_csv(
    path: &Path,
    on_headers: impl FnOnce(&[String]) -> Result<()>,
    mut on_row: impl FnMut(usize, u64, Row),
) -> Result<()> {
    let input_error = |source| Error::Input { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(input_error)?;
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).from_reader(std::io::BufReader::new(file));
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(headers) => headers
            .iter()
            .enumerate()
            .map(|(index, cell)| {
                let text = String::from_utf8_lossy(cell).into_owned();
                if index == 0 { text.trim_start_matches('\u{feff}').to_owned() } else { text }
            })
            .collect(),
        Err(error) => return Err(input_error(std::io::Error::other(error.to_string()))),
    };
    on_headers(&headers)?;
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let position = record
                    .position()
                    .map_or((0, 0), |position| (position.line() as usize, position.byte()));
                let row = if record.len() != headers.len() {
                    Err(format!(
                        "expected {} cells like the header, found {}",
                        headers.len(),
                        record.len()
                    ))
                } else {
                    decode_row(&record, &headers)
                };
                on_row(position.0, position.1, row);
            }
            Err(error) => {
                let line = error.position().map_or(0, |position| position.line() as usize);
                on_row(line, 0, Err(format!("malformed CSV: {error}")));
                if !matches!(
                    error.kind(),
                    csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }
                ) {
                    break;
                }
            }
        }
    }
    Ok(())
}

fn decode_row(record: &csv::ByteRecord, headers: &[String]) -> Row {
    record
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            String::from_utf8(cell.to_vec()).map_err(|error| {
                format!(
                    "invalid UTF-8 in column {} at byte {}: expected UTF-8 text",
                    headers.get(index).map_or("?", String::as_str),
                    error.utf8_error().valid_up_to() + 1
                )
            })
        })
        .collect()
}

/// Reads the first sheet of an Excel workbook (`.xlsx`, `.xls`, `.ods`): calls
/// `on_headers` with the header row, then `on_row` with each data row's 1-based sheet row
/// number (calamine holds the sheet in memory, so there is no byte offset: 0).
pub fn read_xlsx(
    path: &Path,
    on_headers: impl FnOnce(&[String]) -> Result<()>,
    mut on_row: impl FnMut(usize, u64, Row),
) -> Result<()> {
    let input_error = |message: String| Error::Input {
        path: path.to_owned(),
        source: std::io::Error::other(message),
    };
    let mut workbook = open_workbook_auto(path).map_err(|error| input_error(error.to_string()))?;
    let range = match workbook.worksheet_range_at(0) {
        Some(range) => range.map_err(|error| input_error(error.to_string()))?,
        None => return Err(input_error("the workbook has no sheet".to_owned())),
    };
    let mut rows = range.rows();
    let headers: Vec<String> =
        rows.next().map(|row| row.iter().map(cell_text).collect()).unwrap_or_default();
    on_headers(&headers)?;
    for (index, row) in rows.enumerate() {
        let mut cells: Vec<String> = row.iter().map(cell_text).collect();
        cells.resize(headers.len().max(cells.len()), String::new());
        on_row(index + 2, 0, Ok(cells));
    }
    Ok(())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(_) => {
            cell.as_datetime().map(|moment| moment.date().to_string()).unwrap_or_default()
        }
    }
}
