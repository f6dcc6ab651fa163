//! Helfo's view of all cases: the FB-3 queue (confirmed urgent first, then
//! fristdato, then arrival, as the domain orders it), the FB-11 dashboard's
//! monthly counts, and the demo seed's cases read back as the domain computes
//! them.

use super::*;

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_3_the_queue_puts_confirmed_urgent_first_then_fristdato_then_arrival() {
    let s = server();
    let fb = Fb::new(s);
    let late = fb.notify(&patient(70), "2026-05-10");
    let early = fb.notify(&patient(71), "2026-04-02");
    let urgent = {
        let mut form = notification(&patient(72), "2026-06-01");
        form["urgent"] = json!(true);
        form["urgent_reason"] = json!("Rask forverring");
        let a = s
            .call("POST", "/api/v1/fristbrudd/cases")
            .session(&fb.site)
            .idempotent()
            .on(NOTIFIED)
            .json(&form)
            .send();
        assert_eq!(a.status, 201, "{:?}", a.body);
        fb.get(&fb.helfo, a.body["id"].as_str().unwrap())
    };
    let ids = |a: &Answer| -> Vec<String> {
        a.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let ours = [&late, &early, &urgent].map(|c| c["id"].as_str().unwrap().to_owned());
    let position = |all: &[String], id: &str| all.iter().position(|x| x == id).unwrap();
    let queue = |s: &Server| {
        s.call("GET", "/api/v1/fristbrudd/queue?limit=200")
            .session(&fb.helfo)
            .send()
    };
    // Unconfirmed urgency does not count yet: fristdato order.
    let q = ids(&queue(s));
    assert!(position(&q, &ours[1]) < position(&q, &ours[0]));
    assert!(position(&q, &ours[0]) < position(&q, &ours[2]));
    fb.event(
        &fb.helfo,
        &urgent,
        json!({"event": "confirm_urgent"}),
        "2026-03-23",
    );
    let answer = queue(s);
    let q = ids(&answer);
    assert!(position(&q, &ours[2]) < position(&q, &ours[1]));
    // The edge's order is the domain's FB-3 order, item for item.
    let items: Vec<QueueItem> = answer.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| QueueItem {
            id: i["id"].as_str().unwrap().to_owned(),
            fristdato: i["fristdato"].as_str().unwrap().parse().unwrap(),
            urgent: i["urgent_confirmed"].as_bool().unwrap(),
            notified_at: i["notified_at"].as_i64().unwrap(),
        })
        .collect();
    let mut sorted = items.clone();
    sorted.sort_by(queue_order);
    assert_eq!(items, sorted);
    // Paging with a cursor continues exactly where the page ended.
    let first = s
        .call("GET", "/api/v1/fristbrudd/queue?limit=1")
        .session(&fb.helfo)
        .send();
    let next = first.body["next_cursor"].as_str().unwrap();
    let second = s
        .call(
            "GET",
            &format!("/api/v1/fristbrudd/queue?limit=1&cursor={next}"),
        )
        .session(&fb.helfo)
        .send();
    assert_eq!(ids(&first)[0], q[0]);
    assert_eq!(ids(&second)[0], q[1]);
    // The queue is Helfo's.
    let site = s
        .call("GET", "/api/v1/fristbrudd/queue")
        .session(&fb.site)
        .send();
    assert_eq!(site.status, 403);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_11_the_dashboard_counts_cases_and_first_outcomes_per_month() {
    let s = server();
    let fb = Fb::new(s);
    let c = fb.notify(&patient(80), "2026-04-01");
    let c = fb.event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-23");
    fb.event(
        &fb.helfo,
        &c,
        json!({"event": "patient_declines"}),
        "2026-03-24",
    );
    let a = s
        .call("GET", "/api/v1/fristbrudd/stats")
        .session(&fb.helfo)
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    let march = a
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == "2026-03")
        .cloned()
        .unwrap();
    assert!(march["cases"].as_u64().unwrap() >= 1);
    assert!(march["with_outcome"].as_u64().unwrap() >= 1);
    assert!(march["within_limit"].as_u64().unwrap() >= 1);
    assert!(march["within_limit"].as_u64() <= march["with_outcome"].as_u64());
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_demo_seed_cases_read_back_as_the_domain_computes_them() {
    let s = server();
    let fb = Fb::new(s);
    let all = s
        .call("GET", "/api/v1/fristbrudd/cases?limit=200")
        .session(&fb.helfo)
        .send();
    assert_eq!(all.status, 200, "{:?}", all.body);
    let seeded: Vec<&Value> = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"].as_str().unwrap().starts_with("fb_demo_"))
        .collect();
    assert_eq!(seeded.len(), 5);
    for c in &seeded {
        let full = fb.get(&fb.helfo, c["id"].as_str().unwrap());
        // The stored sorting copy agrees with the rules' view of the case.
        assert_eq!(full["next_deadline"], c["next_deadline"]);
        let events = history_events(&full);
        assert_eq!(events[0], "notify", "{events:?}");
        assert_eq!(full["version"].as_u64().unwrap() as usize, events.len());
    }
    let open = s
        .call("GET", "/api/v1/fristbrudd/cases?state=contacting")
        .session(&fb.helfo)
        .send();
    let demo4 = open.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "fb_demo_4")
        .cloned()
        .unwrap();
    // FB-4: taken up Tuesday 17 November 2026, contact by Friday 20th.
    assert_eq!(demo4["next_deadline"], json!(["contact_by", "2026-11-20"]));
    // A new notification continues the seeded numbering.
    let c = fb.notify(&patient(90), "2026-04-01");
    assert!(c["number"].as_str().unwrap() > "FB-2026-000005");
}
