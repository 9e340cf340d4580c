//! The browser entry point: mounts a widget into every mount point on the page.

fn main() {
    contact_history::embed::mount_all();
}
