//! Claims control routes (CTRL-9). A municipality checks its bills in the
//! browser (CTRL-1 … CTRL-8 need no server); what reaches the edge is each
//! doctor's monthly sums — refund, listed patients, bills — so the month
//! can be compared with comparable GPs in other municipalities. No patient
//! and no bill is ever sent.

use frist_domain::kontroll::{
    Aggregate, MonthUpload, PeerGroup, PeerView, parse_month, peer_distribution,
};
use frist_domain::{IssueCode, Report};
use serde::Deserialize;

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::db::{iso, text};
use crate::http::{self, ApiError, ApiResult};

fn month_param(ctx: &Ctx) -> Result<String, ApiError> {
    let month = ctx.param("month").to_owned();
    parse_month(&month, ctx.today).map_err(ApiError::bad_request)?;
    Ok(month)
}

/// `PUT /api/v1/kontroll/months/:month` (kommune): the month's sums per
/// doctor, replacing what the municipality sent for that month before, in
/// one batch. Answers the month's comparison with its size class.
pub async fn put_month(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let month = month_param(ctx)?;
    let upload: MonthUpload = ctx.json()?;
    let mut report: Report = upload.check();
    if report.has_errors() {
        return Err(ApiError::invalid(report));
    }
    // A municipality's figures are about its own doctors: a GP another
    // municipality has in the register (its fastlege messages), and this one
    // has not, is not this one's to report on.
    #[derive(serde::Deserialize)]
    struct Theirs {
        gp_hpr: String,
    }
    let asked: Vec<String> = upload
        .doctors
        .iter()
        .map(|d| d.hpr.get().to_string())
        .collect();
    let theirs = ctx
        .db
        .prepare(
            "SELECT DISTINCT m.gp_hpr FROM fl_messages m, json_each(?2) j \
             WHERE m.gp_hpr = j.value AND m.organisation_id != ?1 \
               AND NOT EXISTS (SELECT 1 FROM fl_messages o WHERE o.organisation_id = ?1 \
                               AND o.gp_hpr = m.gp_hpr)",
        )
        .bind(&[text(&caller.organisation_id), text(&http::to_json(&asked)?)])?
        .all()
        .await?
        .results::<Theirs>()?;
    for (i, hpr) in asked.iter().enumerate() {
        if theirs.iter().any(|t| &t.gp_hpr == hpr) {
            report.push(
                frist_domain::Issue::error(
                    format!("doctors[{i}].hpr"),
                    IssueCode::DoctorOfAnotherMunicipality,
                )
                .with("hpr", hpr.as_str()),
            );
        }
    }
    if report.has_errors() {
        return Err(ApiError::invalid(report));
    }
    let rows: Vec<serde_json::Value> = upload
        .doctors
        .iter()
        .map(|d| {
            serde_json::json!({"hpr": d.hpr.as_str(), "refund": d.refund_ore,
                               "listed": d.listed, "bills": d.bills})
        })
        .collect();
    let org = &caller.organisation_id;
    let statements = vec![
        ctx.db
            .prepare("DELETE FROM kt_months WHERE organisation_id = ?1 AND month = ?2")
            .bind(&[text(org), text(&month)])?,
        ctx.db
            .prepare(
                "INSERT INTO kt_months (organisation_id, month, hpr, refund_ore, listed, bills, \
                     size_class, uploaded_at) \
                 SELECT ?1, ?2, value ->> '$.hpr', value ->> '$.refund', value ->> '$.listed', \
                     value ->> '$.bills', ?3, ?4 FROM json_each(?5)",
            )
            .bind(&[
                text(org),
                text(&month),
                text(upload.size_class()),
                text(&iso(ctx.now)),
                text(&http::to_json(&rows)?),
            ])?,
        audit::entry(
            &ctx.db,
            ctx.now,
            caller,
            &Entry {
                action: "kontroll.month_put",
                object_kind: "kontroll_month",
                object_id: Some(&month),
                organisation_id: Some(org),
            },
        )?,
    ];
    ctx.db.batch(statements).await?;
    view(ctx, &month, PeerGroup::Class).await
}

/// `GET /api/v1/kontroll/months/:month?peers=class|all`: the comparison.
/// A municipality sees its own doctors by HPR number and every other
/// doctor as a bare value; Helfo sees every doctor.
pub async fn get_month(ctx: &Ctx) -> ApiResult {
    let month = month_param(ctx)?;
    let peers = match ctx.query("peers") {
        None => PeerGroup::Class,
        Some(p) => p.parse::<PeerGroup>().map_err(|_| {
            ApiError::bad_request(
                frist_domain::Issue::error("peers", IssueCode::NotOneOf)
                    .with("allowed", "class, all"),
            )
        })?,
    };
    view(ctx, &month, peers).await
}

#[derive(Deserialize)]
struct MonthRow {
    organisation_id: String,
    hpr: String,
    refund_ore: i64,
    listed: i64,
}

async fn view(ctx: &Ctx, month: &str, peers: PeerGroup) -> ApiResult {
    let caller = ctx.caller()?;
    let helfo = caller.role.sees_all_organisations();
    let own_class = if helfo {
        None
    } else {
        #[derive(Deserialize)]
        struct Class {
            size_class: String,
        }
        let class = ctx
            .db
            .prepare(
                "SELECT size_class FROM kt_months WHERE organisation_id = ?1 AND month = ?2 LIMIT 1",
            )
            .bind(&[text(&caller.organisation_id), text(month)])?
            .first::<Class>(None)
            .await?
            .ok_or_else(ApiError::not_found)?;
        Some(class.size_class)
    };
    let class_filter = match (&own_class, peers) {
        (Some(c), PeerGroup::Class) => c.clone(),
        _ => String::new(),
    };
    let rows = ctx
        .db
        .prepare(
            "SELECT organisation_id, hpr, refund_ore, listed FROM kt_months \
             WHERE month = ?1 AND (?2 = '' OR size_class = ?2) ORDER BY organisation_id, hpr",
        )
        .bind(&[text(month), text(&class_filter)])?
        .all()
        .await?
        .results::<MonthRow>()?;
    if helfo && rows.is_empty() {
        return Err(ApiError::not_found());
    }
    let mut organisations: Vec<&str> = rows.iter().map(|r| r.organisation_id.as_str()).collect();
    organisations.dedup();
    let aggregates: Vec<Aggregate> = rows
        .iter()
        .map(|r| {
            let own = helfo || r.organisation_id == caller.organisation_id;
            Aggregate {
                // Other municipalities' doctors stay anonymous.
                hpr: if own {
                    r.hpr.trim_start_matches('0').to_owned()
                } else {
                    String::new()
                },
                refund_ore: r.refund_ore,
                listed: u32::try_from(r.listed).unwrap_or(0),
                own,
            }
        })
        .collect();
    let size_class = own_class.unwrap_or_else(|| {
        if class_filter.is_empty() {
            "all".into()
        } else {
            class_filter.clone()
        }
    });
    Ok(http::json(
        &PeerView {
            month: month.to_owned(),
            peers,
            size_class,
            organisations: organisations.len() as u64,
            distribution: peer_distribution(&aggregates, ctx.config.ctrl9_k),
        },
        200,
    )?)
}
