//! Any bytes given as an article: an error or an article whose text has no CR and
//! no NUL, whose checksum matches, and which makes a session that round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = claimdesk::import::import_bytes(data, Some("fuzz.txt".into())) {
        assert!(!article.text.contains('\r'));
        assert!(!article.text.contains('\0'));
        assert!(article.checksum_matches());
        let session = claimdesk::model::Session::new(article);
        let text = claimdesk::store::to_ron(&session);
        match claimdesk::store::from_ron(&text) {
            Ok(loaded) => assert_eq!(loaded.session, session),
            Err(e) => panic!("an imported article did not round-trip: {e}"),
        }
    }
});
