//! Claims control routes (CTRL-9). A municipality checks its bills in the
//! browser (CTRL-1 … CTRL-8 need no server); what reaches the edge is each
//! doctor's monthly sums — refund, listed patients, bills — so the month
//! can be compared with comparable GPs in other municipalities. No patient
//! and no bill is ever sent.

use frist_domain::kontroll::{
    Aggregate, MonthUpload, PeerGroup, PeerView, parse_month, peer_distribution,
};
use frist_domain::{IssueCode, Report};

use crate::audit::{self, Entry};
use crate::ctx::{Caller, Ctx};
use crate::db::iso;
use crate::http::{self, ApiError, ApiResult};
use crate::store::kontroll;

/// The path's `:month`, `YYYY-MM`, not after this month (else 400).
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
    check_own_doctors(ctx, caller, &upload, &mut report).await?;
    if report.has_errors() {
        return Err(ApiError::invalid(report));
    }
    store_month(ctx, caller, &month, &upload).await?;
    view(ctx, &month, PeerGroup::Class).await
}

/// A municipality's figures are about its own doctors: a GP another
/// municipality has in the register (its fastlege messages), and this one
/// has not, is not this one's to report on.
async fn check_own_doctors(
    ctx: &Ctx,
    caller: &Caller,
    upload: &MonthUpload,
    report: &mut Report,
) -> Result<(), ApiError> {
    let asked: Vec<String> = upload
        .doctors
        .iter()
        .map(|d| d.hpr.get().to_string())
        .collect();
    let theirs =
        kontroll::doctors_of_others(&ctx.db, &caller.organisation_id, &http::to_json(&asked)?)
            .await?;
    for (i, hpr) in asked.iter().enumerate() {
        if theirs.iter().any(|t| t == hpr) {
            report.push(
                frist_domain::Issue::error(
                    format!("doctors[{i}].hpr"),
                    IssueCode::DoctorOfAnotherMunicipality,
                )
                .with("hpr", hpr.as_str()),
            );
        }
    }
    Ok(())
}

/// Replaces the municipality's month with `upload`, audited, in one batch.
async fn store_month(
    ctx: &Ctx,
    caller: &Caller,
    month: &str,
    upload: &MonthUpload,
) -> Result<(), ApiError> {
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
        kontroll::delete_month(&ctx.db, org, month)?,
        kontroll::insert_month(
            &ctx.db,
            org,
            month,
            upload,
            &iso(ctx.now),
            &http::to_json(&rows)?,
        )?,
        audit::entry(
            &ctx.db,
            ctx.now,
            caller,
            &Entry {
                action: "kontroll.month_put",
                object_kind: "kontroll_month",
                object_id: Some(month),
                organisation_id: Some(org),
            },
        )?,
    ];
    ctx.db.batch(statements).await?;
    Ok(())
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

/// The month's comparison as the caller may see it.
async fn view(ctx: &Ctx, month: &str, peers: PeerGroup) -> ApiResult {
    let caller = ctx.caller()?;
    let helfo = caller.role.sees_all_organisations();
    let own_class = if helfo {
        None
    } else {
        let class = kontroll::size_class(&ctx.db, &caller.organisation_id, month)
            .await?
            .ok_or_else(ApiError::not_found)?;
        Some(class)
    };
    let class_filter = match (&own_class, peers) {
        (Some(c), PeerGroup::Class) => c.clone(),
        _ => String::new(),
    };
    let rows = kontroll::month_rows(&ctx.db, month, &class_filter).await?;
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
