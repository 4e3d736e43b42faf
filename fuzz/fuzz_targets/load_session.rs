//! Any bytes given as a session file: an error or a valid session, never a panic,
//! and a session that loads saves and loads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = claimdesk::store::from_bytes(data) {
        let text = claimdesk::store::to_ron(&loaded.session);
        match claimdesk::store::from_ron(&text) {
            Ok(again) => assert_eq!(again.session, loaded.session),
            Err(e) => panic!("a loaded session did not load back after saving: {e}"),
        }
    }
});
