"""Verify the audit chain and back up the store."""


def run(demo):
    report = demo.store.verify_audit()
    demo.note(str(report))
    backup = demo.out / "backup.db"
    if backup.exists():
        backup.unlink()
    demo.store.backup(backup)
    demo.made(backup, "online backup of the store")
