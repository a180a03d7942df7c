//! A strict reader for the taxonomy's tab-separated files.

use crate::{Error, Result};

/// One data row with its line number and the file's column names.
pub struct Row<'a> {
    file: &'a str,
    line: usize,
    columns: &'a [&'a str],
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The trimmed value of `column` (possibly empty).
    pub fn get(&self, column: &str) -> &'a str {
        let index = self.index(column);
        self.fields[index].trim()
    }

    /// The value of `column`, which must not be empty.
    pub fn required(&self, column: &str) -> Result<&'a str> {
        let value = self.get(column);
        if value.is_empty() {
            return Err(self.error(column, "must not be empty"));
        }
        Ok(value)
    }

    /// The `|`-separated values of `column`, empty ones dropped.
    pub fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// An error naming this row's file, line and `column`.
    pub fn error(&self, column: &str, message: impl Into<String>) -> Error {
        Error::TaxonomyRow {
            file: self.file.to_owned(),
            line: self.line,
            column: column.to_owned(),
            message: message.into(),
        }
    }

    fn index(&self, column: &str) -> usize {
        self.columns
            .iter()
            .position(|name| *name == column)
            .expect("callers ask only for columns of the declared header")
    }
}

/// Parses `data` (the contents of `file`), checking the header against `columns` and the
/// field count of every row, and calls `on_row` for each data row.
pub fn parse<'a>(
    file: &'a str,
    data: &'a str,
    columns: &'a [&'a str],
    mut on_row: impl FnMut(Row<'a>) -> Result<()>,
) -> Result<()> {
    let data = data.strip_prefix('\u{feff}').unwrap_or(data);
    let mut lines = data.lines().enumerate();
    let expected = columns.join("\t");
    let header = lines.next().map(|(_, line)| line.trim_end_matches('\r')).unwrap_or("");
    if header != expected {
        return Err(Error::TaxonomyHeader {
            file: file.to_owned(),
            expected: expected.replace('\t', "<TAB>"),
            found: header.replace('\t', "<TAB>"),
        });
    }
    for (index, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let row = Row { file, line: index + 1, columns, fields };
        if row.fields.len() != columns.len() {
            let found = row.fields.len();
            return Err(row.error(
                columns[found.min(columns.len() - 1)],
                format!("expected {} tab-separated columns, found {found}", columns.len()),
            ));
        }
        on_row(row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[&str] = &["id", "name"];

    #[test]
    fn names_file_line_and_column_of_a_bad_row() {
        let data = "id\tname\nok\tfine\nbad\n";
        let error = parse("x.tsv", data, COLUMNS, |_| Ok(())).unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.tsv:3: column `name`: expected 2 tab-separated columns, found 1"
        );
    }

    #[test]
    fn rejects_a_wrong_header() {
        let error = parse("x.tsv", "id\tlabel\n", COLUMNS, |_| Ok(())).unwrap_err();
        assert!(error.to_string().contains("header must be `id<TAB>name`"), "{error}");
    }
}
