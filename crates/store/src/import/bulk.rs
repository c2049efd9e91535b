// SPDX-License-Identifier: EUPL-1.2
//! Multi-row inserts, shared by the imports and the loading of the bundled
//! reference data: batches of at most [`BATCH`] rows, `?` placeholders for
//! SQLite and `$n` for PostgreSQL.

use sqlx::{Any, Transaction};

use crate::StoreError;

/// Rows per INSERT statement: 9 columns × 1000 rows stays under the
/// parameter limits of SQLite (32766) and PostgreSQL (65535).
pub(super) const BATCH: usize = 1000;

/// A value bound into a multi-row insert.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
}

/// Inserts rows with multi-row `VALUES` statements of at most [`BATCH`] rows.
pub(crate) async fn insert_many(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Val>>,
) -> Result<(), StoreError> {
    insert_many_with(tx, table, columns, rows, "").await
}

/// As [`insert_many`], with a trailing clause (e.g. an `ON CONFLICT … DO UPDATE`).
pub(crate) async fn insert_many_with(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Val>>,
    tail: &str,
) -> Result<(), StoreError> {
    // SQLite gets anonymous `?` placeholders: with numbered ones the driver
    // looks up every parameter's name, which is linear per lookup and made a
    // 1000-row statement quadratic. PostgreSQL needs `$n`.
    let numbered = !tx.backend_name().eq_ignore_ascii_case("sqlite");
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Val>> = rows.by_ref().take(BATCH).collect();
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let mut n = 0;
        for (i, _) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            sql.push('(');
            for c in 0..columns.len() {
                if c > 0 {
                    sql.push(',');
                }
                n += 1;
                if numbered {
                    sql.push('$');
                    sql.push_str(&n.to_string());
                } else {
                    sql.push('?');
                }
            }
            sql.push(')');
        }
        sql.push_str(tail);
        let mut q = sqlx::query(&sql);
        for row in chunk {
            debug_assert_eq!(row.len(), columns.len());
            for v in row {
                q = match v {
                    Val::Text(s) => q.bind(s),
                    Val::OptText(s) => q.bind(s),
                    Val::Int(i) => q.bind(i),
                    Val::OptInt(i) => q.bind(i),
                };
            }
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}
