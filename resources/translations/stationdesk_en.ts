<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlertNotice</name>
    <message>
        <source>Show alerts</source>
        <translation>Show alerts</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>No alerts.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts on every workstation</source>
        <translation>Acknowledge the selected alerts on every workstation</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Acknowledge all</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>Beep when a new alert comes in</source>
        <translation>Beep when a new alert comes in</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n)</source>
        <translation>
            <numerusform>Alerts (%n)</numerusform>
            <numerusform>Alerts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was due at %2</source>
        <translation>%1 was due at %2</translation>
    </message>
    <message>
        <source>%1: no check-in since the start at %2</source>
        <translation>%1: no check-in since the start at %2</translation>
    </message>
    <message>
        <source>%1 at %2, %3</source>
        <translation>%1 at %2, %3</translation>
    </message>
    <message>
        <source>%1: mediation period ended %2</source>
        <translation>%1: mediation period ended %2</translation>
    </message>
    <message>
        <source>%1: mediation period ends %2</source>
        <translation>%1: mediation period ends %2</translation>
    </message>
    <message>
        <source>Double-click to open; select and acknowledge when handled.</source>
        <translation>Double-click to open; select and acknowledge when handled.</translation>
    </message>
    <message>
        <source>New alert: %1</source>
        <translation>New alert: %1</translation>
    </message>
    <message>
        <source>New alerts: %1 (and %2)</source>
        <translation>New alerts: %1 (and %2)</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alerts</translation>
    </message>
</context>
<context>
    <name>AuditExportDialog</name>
    <message>
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>%v of %m entries</source>
        <translation>%v of %m entries</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Saved %1 entries to %2.</source>
        <translation>Saved %1 entries to %2.</translation>
    </message>
    <message>
        <source>Only the station director and the administrator may export it.</source>
        <translation>Only the station director and the administrator may export it.</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Case recorded</source>
        <translation>Case recorded</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>Owner changed</source>
        <translation>Owner changed</translation>
    </message>
    <message>
        <source>Case edited</source>
        <translation>Case edited</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Note added</translation>
    </message>
    <message>
        <source>Note struck through</source>
        <translation>Note struck through</translation>
    </message>
    <message>
        <source>Case list exported</source>
        <translation>Case list exported</translation>
    </message>
    <message>
        <source>Full personal data viewed</source>
        <translation>Full personal data viewed</translation>
    </message>
    <message>
        <source>Audit entries viewed</source>
        <translation>Audit entries viewed</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Audit trail exported</translation>
    </message>
    <message>
        <source>Patrol planned</source>
        <translation>Patrol planned</translation>
    </message>
    <message>
        <source>Patrol status changed</source>
        <translation>Patrol status changed</translation>
    </message>
    <message>
        <source>Handover report archived</source>
        <translation>Handover report archived</translation>
    </message>
    <message>
        <source>Handover acknowledged</source>
        <translation>Handover acknowledged</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Account created</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>Failed sign-ins reset</source>
        <translation>Failed sign-ins reset</translation>
    </message>
    <message>
        <source>Demo station generated</source>
        <translation>Demo station generated</translation>
    </message>
    <message>
        <source>Station settings changed</source>
        <translation>Station settings changed</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>Case note</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Grid staff</source>
        <translation>Grid staff</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>Handover report</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <source>Mediation session</source>
        <translation>Mediation session</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Mediator availability</source>
        <translation>Mediator availability</translation>
    </message>
    <message>
        <source>Mediator absence</source>
        <translation>Mediator absence</translation>
    </message>
    <message>
        <source>Declared relation</source>
        <translation>Declared relation</translation>
    </message>
    <message>
        <source>Outreach event</source>
        <translation>Outreach event</translation>
    </message>
    <message>
        <source>Patrol route</source>
        <translation>Patrol route</translation>
    </message>
    <message>
        <source>Patrol member</source>
        <translation>Patrol member</translation>
    </message>
    <message>
        <source>Patrol shift</source>
        <translation>Patrol shift</translation>
    </message>
    <message>
        <source>Session mediator</source>
        <translation>Session mediator</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Station setting</source>
        <translation>Station setting</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>agreement terms</source>
        <translation>agreement terms</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>attendance</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>case number</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>cases</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>checked in</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>ends</source>
        <translation>ends</translation>
    </message>
    <message>
        <source>first response due</source>
        <translation>first response due</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>follow-ups</translation>
    </message>
    <message>
        <source>from status</source>
        <translation>from status</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>grid</translation>
    </message>
    <message>
        <source>grids</source>
        <translation>grids</translation>
    </message>
    <message>
        <source>household</source>
        <translation>household</translation>
    </message>
    <message>
        <source>household visits</source>
        <translation>household visits</translation>
    </message>
    <message>
        <source>repeat dispute</source>
        <translation>repeat dispute</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>mediation sessions</source>
        <translation>mediation sessions</translation>
    </message>
    <message>
        <source>mediator</source>
        <translation>mediator</translation>
    </message>
    <message>
        <source>mediators</source>
        <translation>mediators</translation>
    </message>
    <message>
        <source>missing permission</source>
        <translation>missing permission</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>outcome</translation>
    </message>
    <message>
        <source>outreach events</source>
        <translation>outreach events</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>parties</source>
        <translation>parties</translation>
    </message>
    <message>
        <source>patrol shifts</source>
        <translation>patrol shifts</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>place</source>
        <translation>place</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>priority</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>referred to</source>
        <translation>referred to</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <source>resident ID</source>
        <translation>resident ID</translation>
    </message>
    <message>
        <source>resolution due</source>
        <translation>resolution due</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>roles</translation>
    </message>
    <message>
        <source>room</source>
        <translation>room</translation>
    </message>
    <message>
        <source>route</source>
        <translation>route</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>random seed</translation>
    </message>
    <message>
        <source>shift end</source>
        <translation>shift end</translation>
    </message>
    <message>
        <source>shift start</source>
        <translation>shift start</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>starts</translation>
    </message>
    <message>
        <source>station</source>
        <translation>station</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>status changes</source>
        <translation>status changes</translation>
    </message>
    <message>
        <source>reason for striking</source>
        <translation>reason for striking</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>summary</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>to status</source>
        <translation>to status</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>topic</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>accounts</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>visited</translation>
    </message>
    <message>
        <source>volunteers</source>
        <translation>volunteers</translation>
    </message>
    <message>
        <source>what</source>
        <translation>what</translation>
    </message>
    <message>
        <source>%1 (added)</source>
        <translation>%1 (added)</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (removed)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Old values</source>
        <translation>Old values</translation>
    </message>
    <message>
        <source>New values</source>
        <translation>New values</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>any user</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>any object</source>
        <translation>any object</translation>
    </message>
    <message>
        <source>any ID</source>
        <translation>any ID</translation>
    </message>
    <message>
        <source>Object ID</source>
        <translation>Object ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>Load older entries</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Check the chain</translation>
    </message>
    <message>
        <source>Recompute every entry's hash: shows the first entry that was changed.</source>
        <translation>Recompute every entry's hash: shows the first entry that was changed.</translation>
    </message>
    <message>
        <source>Opening the audit trail…</source>
        <translation>Opening the audit trail…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>Only the station director and the administrator may read the audit trail.</source>
        <translation>Only the station director and the administrator may read the audit trail.</translation>
    </message>
    <message>
        <source>The audit trail could not be read: {error}</source>
        <translation>The audit trail could not be read: {error}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{n} entries shown, newest first.</source>
        <translation>{n} entries shown, newest first.</translation>
    </message>
    <message>
        <source>Older entries: “Load older entries”.</source>
        <translation>Older entries: “Load older entries”.</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>{n} entries exported to {file}.</source>
        <translation>{n} entries exported to {file}.</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>Checking the chain…</translation>
    </message>
    <message>
        <source>The chain is intact: {n} entries checked.</source>
        <translation>The chain is intact: {n} entries checked.</translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Note: {warning}</translation>
    </message>
    <message>
        <source>The chain is BROKEN at entry {id}: {reason}. Report this to the administrator; the entries before it are intact.</source>
        <translation>The chain is BROKEN at entry {id}: {reason}. Report this to the administrator; the entries before it are intact.</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book mediation</source>
        <translation>Book mediation</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>any language</source>
        <translation>any language</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Parties need</source>
        <translation>Parties need</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Next free</source>
        <translation>Next free</translation>
    </message>
    <message>
        <source>Suggested mediators, best first</source>
        <translation>Suggested mediators, best first</translation>
    </message>
    <message>
        <source>Next free slots</source>
        <translation>Next free slots</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Justification for booking despite the conflict (required, kept in the audit trail)</source>
        <translation>Justification for booking despite the conflict (required, kept in the audit trail)</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>The suggestions could not be loaded: %1</source>
        <translation>The suggestions could not be loaded: %1</translation>
    </message>
    <message>
        <source>Case %1 · %2 · %3</source>
        <translation>Case %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Booking moves the case from “%1” to “%2”.</source>
        <translation>Booking moves the case from “%1” to “%2”.</translation>
    </message>
    <message>
        <source>The case stays “%1”.</source>
        <translation>The case stays “%1”.</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>Conflict of interest</translation>
    </message>
    <message>
        <source>You may book anyway with a written justification.</source>
        <translation>You may book anyway with a written justification.</translation>
    </message>
    <message>
        <source>Booking is blocked. Only the station director or an administrator may override a conflict of interest.</source>
        <translation>Booking is blocked. Only the station director or an administrator may override a conflict of interest.</translation>
    </message>
    <message>
        <source>Not known yet whether the booking went through; StationDesk checks when the connection is back.</source>
        <translation>Not known yet whether the booking went through; StationDesk checks when the connection is back.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Booking…</translation>
    </message>
    <message>
        <source>Offline: nothing can be booked until the connection is back.</source>
        <translation>Offline: nothing can be booked until the connection is back.</translation>
    </message>
    <message>
        <source>Your account may not book mediation sessions.</source>
        <translation>Your account may not book mediation sessions.</translation>
    </message>
    <message>
        <source>Choose a mediator.</source>
        <translation>Choose a mediator.</translation>
    </message>
    <message>
        <source>Conflict of interest: this mediator cannot be booked for this case.</source>
        <translation>Conflict of interest: this mediator cannot be booked for this case.</translation>
    </message>
    <message>
        <source>Write why the conflict is overridden.</source>
        <translation>Write why the conflict is overridden.</translation>
    </message>
    <message>
        <source>This mediator has no free slot with a free room.</source>
        <translation>This mediator has no free slot with a free room.</translation>
    </message>
    <message>
        <source>Choose a room.</source>
        <translation>Choose a room.</translation>
    </message>
    <message>
        <source>A conflict of interest was found; nothing was booked.</source>
        <translation>A conflict of interest was found; nothing was booked.</translation>
    </message>
    <message>
        <source>Your account may not do this; nothing was booked.</source>
        <translation>Your account may not do this; nothing was booked.</translation>
    </message>
    <message>
        <source>Not booked: %1</source>
        <translation>Not booked: %1</translation>
    </message>
</context>
<context>
    <name>BookingReasons</name>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>spouse</source>
        <translation>spouse</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>relative</translation>
    </message>
    <message>
        <source>neighbour</source>
        <translation>neighbour</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>employer</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>employee</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>colleague</translation>
    </message>
    <message>
        <source>friend</source>
        <translation>friend</translation>
    </message>
    <message>
        <source>handles this kind of dispute</source>
        <translation>handles this kind of dispute</translation>
    </message>
    <message>
        <source>does not usually handle this kind of dispute</source>
        <translation>does not usually handle this kind of dispute</translation>
    </message>
    <message>
        <source>speaks %1</source>
        <translation>speaks %1</translation>
    </message>
    <message>
        <source>does not speak %1</source>
        <translation>does not speak %1</translation>
    </message>
    <message>
        <source>free on the day asked for, from %1</source>
        <translation>free on the day asked for, from %1</translation>
    </message>
    <message>
        <source>next free %1 (within two days)</source>
        <translation>next free %1 (within two days)</translation>
    </message>
    <message>
        <source>next free only %1</source>
        <translation>next free only %1</translation>
    </message>
    <message>
        <source>no free slot with a free room in the next two weeks</source>
        <translation>no free slot with a free room in the next two weeks</translation>
    </message>
    <message>
        <source>%1 of %2 sessions booked that day</source>
        <translation>%1 of %2 sessions booked that day</translation>
    </message>
    <message>
        <source>conflict of interest: cannot be booked</source>
        <translation>conflict of interest: cannot be booked</translation>
    </message>
    <message>
        <source>same resident ID</source>
        <translation>same resident ID</translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation>same name and phone</translation>
    </message>
    <message>
        <source>The mediator is a party: %1 (%2).</source>
        <translation>The mediator is a party: %1 (%2).</translation>
    </message>
    <message>
        <source>by resident ID</source>
        <translation>by resident ID</translation>
    </message>
    <message>
        <source>by name only</source>
        <translation>by name only</translation>
    </message>
    <message>
        <source>Declared relation (%1) to the party %2, matched %3.</source>
        <translation>Declared relation (%1) to the party %2, matched %3.</translation>
    </message>
    <message>
        <source>%1 (declared relation: %2) lives at the address of the dispute.</source>
        <translation>%1 (declared relation: %2) lives at the address of the dispute.</translation>
    </message>
    <message>
        <source>The mediator lives at the address of the dispute.</source>
        <translation>The mediator lives at the address of the dispute.</translation>
    </message>
    <message>
        <source>Mediated the earlier case %1 of %2 without the other side.</source>
        <translation>Mediated the earlier case %1 of %2 without the other side.</translation>
    </message>
    <message>
        <source>The room %1 was booked meanwhile for case %2 (session %3, %4–%5).</source>
        <translation>The room %1 was booked meanwhile for case %2 (session %3, %4–%5).</translation>
    </message>
    <message>
        <source>The mediator %1 was booked meanwhile for case %2 (session %3, %4–%5).</source>
        <translation>The mediator %1 was booked meanwhile for case %2 (session %3, %4–%5).</translation>
    </message>
    <message>
        <source>Nothing was booked; choose another slot.</source>
        <translation>Nothing was booked; choose another slot.</translation>
    </message>
</context>
<context>
    <name>CaseActionsBox</name>
    <message>
        <source>Status and owner</source>
        <translation>Status and owner</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>— no team —</source>
        <translation>— no team —</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation>Edit case…</translation>
    </message>
    <message>
        <source>Correct category, priority, grid, address, summary or description</source>
        <translation>Correct category, priority, grid, address, summary or description</translation>
    </message>
    <message>
        <source>Book mediation…</source>
        <translation>Book mediation…</translation>
    </message>
    <message>
        <source>Suggest mediators and book a session, room and time</source>
        <translation>Suggest mediators and book a session, room and time</translation>
    </message>
    <message>
        <source>%1 (needs a reason)</source>
        <translation>%1 (needs a reason)</translation>
    </message>
    <message>
        <source>(grid officer)</source>
        <translation>(grid officer)</translation>
    </message>
    <message>
        <source>— no officer —</source>
        <translation>— no officer —</translation>
    </message>
    <message>
        <source>(on leave)</source>
        <translation>(on leave)</translation>
    </message>
    <message>
        <source>No further status from here.</source>
        <translation>No further status from here.</translation>
    </message>
</context>
<context>
    <name>CaseConflictDialog</name>
    <message>
        <source>Changed on another workstation</source>
        <translation>Changed on another workstation</translation>
    </message>
    <message>
        <source>%1 saved this case after you opened it and changed the same fields as you. Nothing has been saved yet. Choose for each field which value to keep; your other changes are saved with it.</source>
        <translation>%1 saved this case after you opened it and changed the same fields as you. Nothing has been saved yet. Choose for each field which value to keep; your other changes are saved with it.</translation>
    </message>
    <message>
        <source>Another workstation</source>
        <translation>Another workstation</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>When you opened it</translation>
    </message>
    <message>
        <source>Saved by the other workstation</source>
        <translation>Saved by the other workstation</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Your change</translation>
    </message>
    <message>
        <source>Pointing at a value shows it in full.</source>
        <translation>Pointing at a value shows it in full.</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>Save my choices</translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation>Discard my change</translation>
    </message>
    <message>
        <source>Show the case as it is now; save nothing</source>
        <translation>Show the case as it is now; save nothing</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Select a case in the list to see it here.</source>
        <translation>Select a case in the list to see it here.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>New note… (Ctrl+Enter adds it)</source>
        <translation>New note… (Ctrl+Enter adds it)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Updated by another workstation at %1.</source>
        <translation>Updated by another workstation at %1.</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>This case no longer exists.</translation>
    </message>
    <message>
        <source>The case could not be loaded: %1</source>
        <translation>The case could not be loaded: %1</translation>
    </message>
    <message>
        <source>Notes are kept in the timeline below, newest first.</source>
        <translation>Notes are kept in the timeline below, newest first.</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached. Changes are blocked until the connection is back; what you typed is kept.</source>
        <translation>Offline: the database cannot be reached. Changes are blocked until the connection is back; what you typed is kept.</translation>
    </message>
    <message>
        <source>Your account may not change cases.</source>
        <translation>Your account may not change cases.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Reason for “%1”</source>
        <translation>Reason for “%1”</translation>
    </message>
    <message>
        <source>Why does this case move from “%1” to “%2”? The reason is kept in its history.</source>
        <translation>Why does this case move from “%1” to “%2”? The reason is kept in its history.</translation>
    </message>
    <message>
        <source>Mediation session booked.</source>
        <translation>Mediation session booked.</translation>
    </message>
    <message>
        <source>Offline: the change was not saved. Try again when the connection is back.</source>
        <translation>Offline: the change was not saved. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>Saved. Merged with changes from %1: they saved this case after you opened it and changed other fields; both changes are kept.</source>
        <translation>Saved. Merged with changes from %1: they saved this case after you opened it and changed other fields; both changes are kept.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Reloaded: your change was not saved.</source>
        <translation>Reloaded: your change was not saved.</translation>
    </message>
    <message>
        <source>Offline: the note was not saved. It is kept here; add it when the connection is back.</source>
        <translation>Offline: the note was not saved. It is kept here; add it when the connection is back.</translation>
    </message>
    <message>
        <source>Strike through a note</source>
        <translation>Strike through a note</translation>
    </message>
    <message>
        <source>Why is this note wrong? It stays readable, struck through, with your reason.</source>
        <translation>Why is this note wrong? It stays readable, struck through, with your reason.</translation>
    </message>
    <message>
        <source>Offline: nothing was changed.</source>
        <translation>Offline: nothing was changed.</translation>
    </message>
    <message>
        <source>Note struck through.</source>
        <translation>Note struck through.</translation>
    </message>
</context>
<context>
    <name>CaseEditDialog</name>
    <message>
        <source>Edit case %1</source>
        <translation>Edit case %1</translation>
    </message>
    <message>
        <source>— no grid —</source>
        <translation>— no grid —</translation>
    </message>
    <message>
        <source>Notable incident (for the shift handover)</source>
        <translation>Notable incident (for the shift handover)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>A case needs a summary.</source>
        <translation>A case needs a summary.</translation>
    </message>
    <message>
        <source>No grid is called “%1”: choose one from the list.</source>
        <translation>No grid is called “%1”: choose one from the list.</translation>
    </message>
</context>
<context>
    <name>CaseFactsView</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>First response due</source>
        <translation>First response due</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>Resolution due</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>%1 — overdue by %2</source>
        <translation>%1 — overdue by %2</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Repeat report</source>
        <translation>Repeat report</translation>
    </message>
    <message>
        <source>Notable incident</source>
        <translation>Notable incident</translation>
    </message>
    <message>
        <source>No parties recorded.</source>
        <translation>No parties recorded.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Masked: showing full personal data needs a separate permission.</source>
        <translation>Masked: showing full personal data needs a separate permission.</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Search case no., summary, description, address, parties (Ctrl+F)</source>
        <translation>Search case no., summary, description, address, parties (Ctrl+F)</translation>
    </message>
    <message>
        <source>Quick views:</source>
        <translation>Quick views:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>All open cases, newest first</source>
        <translation>All open cases, newest first</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Open cases past their deadline</source>
        <translation>Open cases past their deadline</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Open cases with no owner yet</source>
        <translation>Open cases with no owner yet</translation>
    </message>
    <message>
        <source>My grid</source>
        <translation>My grid</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All disputes</source>
        <translation>All disputes</translation>
    </message>
    <message>
        <source>Five Prevention areas</source>
        <translation>Five Prevention areas</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <source>Urgent and high</source>
        <translation>Urgent and high</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>Cases owned by an officer or a team</source>
        <translation>Cases owned by an officer or a team</translation>
    </message>
    <message>
        <source>Reported on or after this day</source>
        <translation>Reported on or after this day</translation>
    </message>
    <message>
        <source>Reported on or before this day</source>
        <translation>Reported on or before this day</translation>
    </message>
    <message>
        <source>Only open cases past their resolution deadline</source>
        <translation>Only open cases past their resolution deadline</translation>
    </message>
    <message>
        <source>Only cases with no officer and no team</source>
        <translation>Only cases with no officer and no team</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Only repeat reports (an earlier case at the same address or party)</source>
        <translation>Only repeat reports (an earlier case at the same address or party)</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>any day</translation>
    </message>
    <message>
        <source>Open cases in the grids you are responsible for: %1</source>
        <translation>Open cases in the grids you are responsible for: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Your account is not the responsible officer of any grid (or has no staff record), so there is no grid of yours to show.</source>
        <translation>Your account is not the responsible officer of any grid (or has no staff record), so there is no grid of yours to show.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case no.</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>This column cannot be sorted.</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>Overdue by %1</translation>
    </message>
    <message>
        <source>Resolution due %1</source>
        <translation>Resolution due %1</translation>
    </message>
    <message>
        <source>Repeat report: an earlier case at the same address or with the same party</source>
        <translation>Repeat report: an earlier case at the same address or with the same party</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
</context>
<context>
    <name>CaseSaver</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Notable incident</source>
        <translation>Notable incident</translation>
    </message>
    <message>
        <source>A case cannot move from “%1” to “%2”.</source>
        <translation>A case cannot move from “%1” to “%2”.</translation>
    </message>
    <message>
        <source>Moving the case to “%1” needs a reason: change the status again.</source>
        <translation>Moving the case to “%1” needs a reason: change the status again.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <source>Moving a case to “%1” needs a reason.</source>
        <translation>Moving a case to “%1” needs a reason.</translation>
    </message>
    <message>
        <source>A case cannot move from “%1” to “%2”. Its status may have changed: reload to see it.</source>
        <translation>A case cannot move from “%1” to “%2”. Its status may have changed: reload to see it.</translation>
    </message>
    <message>
        <source>Your account may not change cases. Ask the station director or an administrator for this permission. Nothing was saved.</source>
        <translation>Your account may not change cases. Ask the station director or an administrator for this permission. Nothing was saved.</translation>
    </message>
    <message>
        <source>That officer or grid no longer exists; reload and choose again. Nothing was saved.</source>
        <translation>That officer or grid no longer exists; reload and choose again. Nothing was saved.</translation>
    </message>
    <message>
        <source>This case no longer exists; it may have been removed elsewhere.</source>
        <translation>This case no longer exists; it may have been removed elsewhere.</translation>
    </message>
    <message>
        <source>Other workstations keep changing this case. Reload, check it and try again.</source>
        <translation>Other workstations keep changing this case. Reload, check it and try again.</translation>
    </message>
    <message>
        <source>Not saved: %1. What you typed is kept; try again.</source>
        <translation>Not saved: %1. What you typed is kept; try again.</translation>
    </message>
</context>
<context>
    <name>CaseTimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>Related reports</source>
        <translation>Related reports</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Show the audit entries about this case (your reading is recorded)</source>
        <translation>Show the audit entries about this case (your reading is recorded)</translation>
    </message>
    <message>
        <source>Only the station director and the administrator may read the audit trail.</source>
        <translation>Only the station director and the administrator may read the audit trail.</translation>
    </message>
    <message>
        <source>The audit entries could not be read: %1</source>
        <translation>The audit entries could not be read: %1</translation>
    </message>
    <message>
        <source>Mark this note as wrong; it stays readable</source>
        <translation>Mark this note as wrong; it stays readable</translation>
    </message>
    <message>
        <source>Loading the audit entries…</source>
        <translation>Loading the audit entries…</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Nothing to show.</translation>
    </message>
    <message>
        <source>Open this report</source>
        <translation>Open this report</translation>
    </message>
    <message>
        <source>Recorded as %1</source>
        <translation>Recorded as %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Owner: %1 (was: %2)</source>
        <translation>Owner: %1 (was: %2)</translation>
    </message>
    <message>
        <source>Mediation session %1</source>
        <translation>Mediation session %1</translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>room %1</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>With %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Agreed: %1</source>
        <translation>Agreed: %1</translation>
    </message>
    <message>
        <source>Referred to %1</source>
        <translation>Referred to %1</translation>
    </message>
    <message>
        <source>Follow-up visit done (due %1)</source>
        <translation>Follow-up visit done (due %1)</translation>
    </message>
    <message>
        <source>Follow-up visit due %1 — overdue</source>
        <translation>Follow-up visit due %1 — overdue</translation>
    </message>
    <message>
        <source>Follow-up visit due %1</source>
        <translation>Follow-up visit due %1</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Strike through…</source>
        <translation>Strike through…</translation>
    </message>
    <message>
        <source>Struck through %1. Reason: %2</source>
        <translation>Struck through %1. Reason: %2</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>same address</translation>
    </message>
    <message>
        <source>same party</source>
        <translation>same party</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Load the list again (F5)</source>
        <translation>Load the list again (F5)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the cases of this filter as an Excel workbook or a CSV file</source>
        <translation>Save the cases of this filter as an Excel workbook or a CSV file</translation>
    </message>
    <message>
        <source>Deadlines…</source>
        <translation>Deadlines…</translation>
    </message>
    <message>
        <source>The station's response and resolution deadlines and the repeat window</source>
        <translation>The station's response and resolution deadlines and the repeat window</translation>
    </message>
    <message>
        <source>Mediation…</source>
        <translation>Mediation…</translation>
    </message>
    <message>
        <source>Follow-up visits after an agreement, the mediation period and its warning</source>
        <translation>Follow-up visits after an agreement, the mediation period and its warning</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Record a new report (Ctrl+N)</source>
        <translation>Record a new report (Ctrl+N)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>cases-%1</source>
        <translation>cases-%1</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>Export cases</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached, so new cases cannot be saved. The button comes back when the connection does.</source>
        <translation>Offline: the database cannot be reached, so new cases cannot be saved. The button comes back when the connection does.</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 case</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>%1 new case(s) — refresh</source>
        <translation>%1 new case(s) — refresh</translation>
    </message>
    <message>
        <source>New cases arrived; F5 shows them in order</source>
        <translation>New cases arrived; F5 shows them in order</translation>
    </message>
    <message>
        <source>The case list could not be loaded: %1. Press F5 to try again.</source>
        <translation>The case list could not be loaded: %1. Press F5 to try again.</translation>
    </message>
</context>
<context>
    <name>ChainCheckDialog</name>
    <message>
        <source>Check the audit chain</source>
        <translation>Check the audit chain</translation>
    </message>
    <message>
        <source>Recomputing the hash of every entry, oldest first…</source>
        <translation>Recomputing the hash of every entry, oldest first…</translation>
    </message>
    <message>
        <source>%v of %m entries</source>
        <translation>%v of %m entries</translation>
    </message>
    <message>
        <source>Check cancelled: nothing was checked to the end.</source>
        <translation>Check cancelled: nothing was checked to the end.</translation>
    </message>
    <message>
        <source>The chain could not be checked: %1</source>
        <translation>The chain could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>ChartSet</name>
    <message>
        <source>New cases per hour, last 24 hours</source>
        <translation>New cases per hour, last 24 hours</translation>
    </message>
    <message>
        <source>Click a bar to list the cases of that hour and category</source>
        <translation>Click a bar to list the cases of that hour and category</translation>
    </message>
    <message>
        <source>Open cases by status</source>
        <translation>Open cases by status</translation>
    </message>
    <message>
        <source>Click a bar to list the open cases with that status</source>
        <translation>Click a bar to list the open cases with that status</translation>
    </message>
    <message>
        <source>Open cases by grid</source>
        <translation>Open cases by grid</translation>
    </message>
    <message>
        <source>Click a grid to list its open cases</source>
        <translation>Click a grid to list its open cases</translation>
    </message>
    <message>
        <source>Overdue cases at the end of each day, last 30 days (last point: now)</source>
        <translation>Overdue cases at the end of each day, last 30 days (last point: now)</translation>
    </message>
    <message>
        <source>Click to list the cases overdue now</source>
        <translation>Click to list the cases overdue now</translation>
    </message>
    <message>
        <source>Patrol coverage by grid today (hours of 24)</source>
        <translation>Patrol coverage by grid today (hours of 24)</translation>
    </message>
    <message>
        <source>{:.1f} h</source>
        <translation>{:.1f} h</translation>
    </message>
    <message>
        <source>Hours of today some patrol covers each grid; click for patrols</source>
        <translation>Hours of today some patrol covers each grid; click for patrols</translation>
    </message>
    <message>
        <source>Mediators today</source>
        <translation>Mediators today</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Booked session</source>
        <translation>Booked session</translation>
    </message>
    <message>
        <source>Availability and booked sessions of each mediator today</source>
        <translation>Availability and booked sessions of each mediator today</translation>
    </message>
    <message>
        <source>Mediation agreement rate per week (full agreements of sessions held)</source>
        <translation>Mediation agreement rate per week (full agreements of sessions held)</translation>
    </message>
    <message>
        <source>No active mediators</source>
        <translation>No active mediators</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>on leave</translation>
    </message>
    <message>
        <source>court day</source>
        <translation>court day</translation>
    </message>
    <message>
        <source>away</source>
        <translation>away</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Go to</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>Case number, grid, person or command…</source>
        <translation>Case number, grid, person or command…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter go · Esc close</source>
        <translation>↑ ↓ choose · Enter go · Esc close</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Type a case number (e.g. 12 or 20250314-0012), a grid or a name.</source>
        <translation>Type a case number (e.g. 12 or 20250314-0012), a grid or a name.</translation>
    </message>
    <message>
        <source>The search failed; see the log. Commands still work.</source>
        <translation>The search failed; see the log. Commands still work.</translation>
    </message>
    <message>
        <source>Command: {name}</source>
        <translation>Command: {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in the database</source>
        <translation>
            <numerusform>%n result in the database</numerusform>
            <numerusform>%n results in the database</numerusform>
        </translation>
    </message>
    <message>
        <source>No case, grid or person matches “{text}”.</source>
        <translation>No case, grid or person matches “{text}”.</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>Case {number}</translation>
    </message>
    <message>
        <source>officer {name}</source>
        <translation>officer {name}</translation>
    </message>
    <message>
        <source>no responsible officer</source>
        <translation>no responsible officer</translation>
    </message>
    <message>
        <source>Grid {name}</source>
        <translation>Grid {name}</translation>
    </message>
    <message>
        <source>Staff {name}</source>
        <translation>Staff {name}</translation>
    </message>
    <message>
        <source>Mediator {name}</source>
        <translation>Mediator {name}</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
</context>
<context>
    <name>CommunityForms</name>
    <message>
        <source>More than %1 days ago: check the date.</source>
        <translation>More than %1 days ago: check the date.</translation>
    </message>
    <message>
        <source>Must be from %1 to %2.</source>
        <translation>Must be from %1 to %2.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Must be a whole number.</translation>
    </message>
    <message>
        <source>The responsible officer must be an active police officer.</source>
        <translation>The responsible officer must be an active police officer.</translation>
    </message>
    <message>
        <source>Helpers must be active auxiliary officers or police assistants.</source>
        <translation>Helpers must be active auxiliary officers or police assistants.</translation>
    </message>
    <message>
        <source>The responsible officer cannot also be a helper.</source>
        <translation>The responsible officer cannot also be a helper.</translation>
    </message>
</context>
<context>
    <name>CommunityView</name>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>Household visits</source>
        <translation>Household visits</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
</context>
<context>
    <name>ConfirmDiscardDialog</name>
    <message>
        <source>Discard this report?</source>
        <translation>Discard this report?</translation>
    </message>
    <message>
        <source>What you typed will be lost.</source>
        <translation>What you typed will be lost.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <source>This computer has no system keyring (common on Linux without a desktop keyring), so StationDesk cannot remember the password: it asks for it each time it starts. The password is never written to a file.</source>
        <translation>This computer has no system keyring (common on Linux without a desktop keyring), so StationDesk cannot remember the password: it asks for it each time it starts. The password is never written to a file.</translation>
    </message>
    <message>
        <source>The system keyring is locked or could not be opened, so the saved password could not be read. Unlock the keyring to have it filled in next time.</source>
        <translation>The system keyring is locked or could not be opened, so the saved password could not be read. Unlock the keyring to have it filled in next time.</translation>
    </message>
    <message>
        <source>The system keyring could not be used, so the password cannot be remembered this time.</source>
        <translation>The system keyring could not be used, so the password cannot be remembered this time.</translation>
    </message>
    <message>
        <source>No password is saved for this database server yet.</source>
        <translation>No password is saved for this database server yet.</translation>
    </message>
    <message>
        <source>The database server refused the login: the password is wrong or has changed.</source>
        <translation>The database server refused the login: the password is wrong or has changed.</translation>
    </message>
    <message>
        <source>Database password — {app}</source>
        <translation>Database password — {app}</translation>
    </message>
    <message>
        <source>Password for the database server {where}</source>
        <translation>Password for the database server {where}</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Remember in the system keyring</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Enter the password, or cancel.</source>
        <translation>Enter the password, or cancel.</translation>
    </message>
</context>
<context>
    <name>DeadlineSettingsDialog</name>
    <message>
        <source>Case deadlines</source>
        <translation>Case deadlines</translation>
    </message>
    <message>
        <source>New cases get these deadlines; cases already recorded keep theirs. All workstations of the station use the same settings.</source>
        <translation>New cases get these deadlines; cases already recorded keep theirs. All workstations of the station use the same settings.</translation>
    </message>
    <message>
        <source>By priority</source>
        <translation>By priority</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>First response</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Resolution by category (instead of by priority)</source>
        <translation>Resolution by category (instead of by priority)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Intake shows earlier reports at the same address or with the same party</source>
        <translation>Intake shows earlier reports at the same address or with the same party</translation>
    </message>
    <message>
        <source>Repeat window</source>
        <translation>Repeat window</translation>
    </message>
    <message>
        <source>Your account may not change the station's settings. Nothing was saved.</source>
        <translation>Your account may not change the station's settings. Nothing was saved.</translation>
    </message>
    <message>
        <source>The settings could not be read or saved: %1</source>
        <translation>The settings could not be read or saved: %1</translation>
    </message>
</context>
<context>
    <name>EndLeaveDialog</name>
    <message>
        <source>End leave</source>
        <translation>End leave</translation>
    </message>
    <message>
        <source>%1 from %2, until further notice. Last day of leave:</source>
        <translation>%1 from %2, until further notice. Last day of leave:</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Day away</source>
        <translation>Day away</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Court day</source>
        <translation>Court day</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Why (required)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Give the reason for the day away.</source>
        <translation>Give the reason for the day away.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export cases</source>
        <translation>Export cases</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation>%v of %m cases</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>Resolution due</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Repeat report</source>
        <translation>Repeat report</translation>
    </message>
    <message>
        <source>Parties (ID and phone masked)</source>
        <translation>Parties (ID and phone masked)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Saved %1 cases to %2.</source>
        <translation>Saved %1 cases to %2.</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>At most %1 characters (now %2).</source>
        <translation>At most %1 characters (now %2).</translation>
    </message>
    <message>
        <source>A resident ID has 18 characters: 17 digits, then a digit or X.</source>
        <translation>A resident ID has 18 characters: 17 digits, then a digit or X.</translation>
    </message>
    <message>
        <source>The check character does not match: a digit is probably mistyped. Compare the number with the ID card.</source>
        <translation>The check character does not match: a digit is probably mistyped. Compare the number with the ID card.</translation>
    </message>
    <message>
        <source>The birth date in this ID is in the future.</source>
        <translation>The birth date in this ID is in the future.</translation>
    </message>
    <message>
        <source>The birth date in this ID is before 1900.</source>
        <translation>The birth date in this ID is before 1900.</translation>
    </message>
    <message>
        <source>The birth date in this ID is not a real date.</source>
        <translation>The birth date in this ID is not a real date.</translation>
    </message>
    <message>
        <source>Not a mainland mobile (11 digits) or landline number (area code and number).</source>
        <translation>Not a mainland mobile (11 digits) or landline number (area code and number).</translation>
    </message>
    <message>
        <source>This time is in the future (latest allowed: %1).</source>
        <translation>This time is in the future (latest allowed: %1).</translation>
    </message>
    <message>
        <source>Must be later than the start (%1).</source>
        <translation>Must be later than the start (%1).</translation>
    </message>
    <message>
        <source>Choose one of the entries in the list.</source>
        <translation>Choose one of the entries in the list.</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>This value is not valid.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>This database has no user accounts yet. Create the administrator account; the administrator then adds the station's staff.</source>
        <translation>This database has no user accounts yet. Create the administrator account; the administrator then adds the station's staff.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>User name: enter a name.</source>
        <translation>User name: enter a name.</translation>
    </message>
    <message>
        <source>User name: no spaces, please.</source>
        <translation>User name: no spaces, please.</translation>
    </message>
    <message>
        <source>Password again: the two passwords differ.</source>
        <translation>Password again: the two passwords differ.</translation>
    </message>
    <message>
        <source>The account was not created: {error}</source>
        <translation>The account was not created: {error}</translation>
    </message>
    <message>
        <source>Password: at least {n} characters, please.</source>
        <translation>Password: at least {n} characters, please.</translation>
    </message>
    <message>
        <source>Password: must not contain the user name.</source>
        <translation>Password: must not contain the user name.</translation>
    </message>
    <message>
        <source>Password: not accepted.</source>
        <translation>Password: not accepted.</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>Only mine</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>Record result…</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message numerus="yes">
        <source>My follow-up visits: %n pending</source>
        <translation>
            <numerusform>My follow-up visits: %n pending</numerusform>
            <numerusform>My follow-up visits: %n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All follow-up visits: %n pending</source>
        <translation>
            <numerusform>All follow-up visits: %n pending</numerusform>
            <numerusform>All follow-up visits: %n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n overdue</source>
        <translation>
            <numerusform>, %n overdue</numerusform>
            <numerusform>, %n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a follow-up visit in the list first.</source>
        <translation>Pick a follow-up visit in the list first.</translation>
    </message>
    <message>
        <source>Not known yet whether the last result was saved; StationDesk checks when the connection is back.</source>
        <translation>Not known yet whether the last result was saved; StationDesk checks when the connection is back.</translation>
    </message>
    <message>
        <source>Still saving the last result.</source>
        <translation>Still saving the last result.</translation>
    </message>
    <message>
        <source>Another workstation recorded this visit meanwhile.</source>
        <translation>Another workstation recorded this visit meanwhile.</translation>
    </message>
    <message>
        <source>Your role may not record follow-up visits.</source>
        <translation>Your role may not record follow-up visits.</translation>
    </message>
    <message>
        <source>This visit already has a result, or the result is empty.</source>
        <translation>This visit already has a result, or the result is empty.</translation>
    </message>
    <message>
        <source>The result could not be saved: %1</source>
        <translation>The result could not be saved: %1</translation>
    </message>
    <message>
        <source>Result of the visit to %1 saved.</source>
        <translation>Result of the visit to %1 saved.</translation>
    </message>
</context>
<context>
    <name>GenerationDialog</name>
    <message>
        <source>Generate shifts from a rotation</source>
        <translation>Generate shifts from a rotation</translation>
    </message>
    <message>
        <source>Rotation template</source>
        <translation>Rotation template</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Crew</translation>
    </message>
    <message>
        <source>Rule check</source>
        <translation>Rule check</translation>
    </message>
    <message>
        <source>Save all shifts</source>
        <translation>Save all shifts</translation>
    </message>
    <message>
        <source>%1 (%2 weeks, %3 lines)</source>
        <translation>%1 (%2 weeks, %3 lines)</translation>
    </message>
    <message>
        <source>No rotation templates yet.</source>
        <translation>No rotation templates yet.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>Checking the rules…</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) to create</source>
        <translation>
            <numerusform>%n shift to create</numerusform>
            <numerusform>%n shifts to create</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n double booking(s): cannot be saved</source>
        <translation>
            <numerusform>%n double booking: cannot be saved</numerusform>
            <numerusform>%n double bookings: cannot be saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule warning(s)</source>
        <translation>
            <numerusform>%n rule warning</numerusform>
            <numerusform>%n rule warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: %1 is already on patrol %2 (booked meanwhile?).</source>
        <translation>Nothing was saved: %1 is already on patrol %2 (booked meanwhile?).</translation>
    </message>
    <message>
        <source>Your role may not change patrols. Nothing was saved.</source>
        <translation>Your role may not change patrols. Nothing was saved.</translation>
    </message>
    <message>
        <source>The shifts could not be generated: %1</source>
        <translation>The shifts could not be generated: %1</translation>
    </message>
</context>
<context>
    <name>GridsTab</name>
    <message>
        <source>Change officer and helpers…</source>
        <translation>Change officer and helpers…</translation>
    </message>
    <message>
        <source>Officer's leave…</source>
        <translation>Officer's leave…</translation>
    </message>
    <message>
        <source>Leave periods of the selected grid's officer</source>
        <translation>Leave periods of the selected grid's officer</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Auxiliary officers and assistants</source>
        <translation>Auxiliary officers and assistants</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>⚠ No responsible officer</source>
        <translation>⚠ No responsible officer</translation>
    </message>
    <message>
        <source>⚠ Officer has left the station</source>
        <translation>⚠ Officer has left the station</translation>
    </message>
    <message>
        <source>⚠ Officer on leave today</source>
        <translation>⚠ Officer on leave today</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Also responsible for: %1</source>
        <translation>Also responsible for: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n grid(s)</source>
        <translation>
            <numerusform>%n grid</numerusform>
            <numerusform>%n grids</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) an officer</source>
        <translation>
            <numerusform>%n need an officer</numerusform>
            <numerusform>%n needs an officer</numerusform>
        </translation>
    </message>
    <message>
        <source>Only an administrator may change who looks after a grid.</source>
        <translation>Only an administrator may change who looks after a grid.</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>Offline: the database cannot be reached.</translation>
    </message>
    <message>
        <source>Select a grid first.</source>
        <translation>Select a grid first.</translation>
    </message>
    <message>
        <source>The previous change is still being saved or its outcome is not known yet; your choice is kept.</source>
        <translation>The previous change is still being saved or its outcome is not known yet; your choice is kept.</translation>
    </message>
    <message>
        <source>%1: saved.</source>
        <translation>%1: saved.</translation>
    </message>
    <message>
        <source>%1 was changed on another workstation while you edited it; the list has been reloaded. Check it and make your change again.</source>
        <translation>%1 was changed on another workstation while you edited it; the list has been reloaded. Check it and make your change again.</translation>
    </message>
    <message>
        <source>This grid no longer exists; the list has been reloaded.</source>
        <translation>This grid no longer exists; the list has been reloaded.</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>HandoverArchive</name>
    <message>
        <source>Handover archive</source>
        <translation>Handover archive</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generated</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Archived handovers</source>
        <translation>Archived handovers</translation>
    </message>
    <message>
        <source>No handover has been archived yet.</source>
        <translation>No handover has been archived yet.</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Reprint the handover</source>
        <translation>Reprint the handover</translation>
    </message>
    <message>
        <source>You handed this shift over yourself: the incoming officer acknowledges it.</source>
        <translation>You handed this shift over yourself: the incoming officer acknowledges it.</translation>
    </message>
    <message>
        <source>This handover is addressed to another incoming officer.</source>
        <translation>This handover is addressed to another incoming officer.</translation>
    </message>
    <message>
        <source>This handover has already been acknowledged.</source>
        <translation>This handover has already been acknowledged.</translation>
    </message>
    <message>
        <source>Only a signed-in officer can acknowledge a handover.</source>
        <translation>Only a signed-in officer can acknowledge a handover.</translation>
    </message>
    <message>
        <source>Pick a handover in the list.</source>
        <translation>Pick a handover in the list.</translation>
    </message>
    <message>
        <source>Already acknowledged.</source>
        <translation>Already acknowledged.</translation>
    </message>
    <message>
        <source>Your role may not acknowledge handovers.</source>
        <translation>Your role may not acknowledge handovers.</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>Offline: the database cannot be reached.</translation>
    </message>
    <message>
        <source>Handover acknowledged.</source>
        <translation>Handover acknowledged.</translation>
    </message>
    <message>
        <source>Handover acknowledged at %1.</source>
        <translation>Handover acknowledged at %1.</translation>
    </message>
    <message>
        <source>Another workstation changed this handover first; the list has been reloaded.</source>
        <translation>Another workstation changed this handover first; the list has been reloaded.</translation>
    </message>
    <message>
        <source>This handover no longer exists; the list has been reloaded.</source>
        <translation>This handover no longer exists; the list has been reloaded.</translation>
    </message>
    <message>
        <source>The database cannot be reached; please try again shortly.</source>
        <translation>The database cannot be reached; please try again shortly.</translation>
    </message>
    <message>
        <source>The handover could not be acknowledged: %1</source>
        <translation>The handover could not be acknowledged: %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2.</source>
        <translation>Acknowledged by %1 at %2.</translation>
    </message>
    <message>
        <source>Not acknowledged yet.</source>
        <translation>Not acknowledged yet.</translation>
    </message>
    <message>
        <source>The archived report could not be read: %1</source>
        <translation>The archived report could not be read: %1</translation>
    </message>
    <message>
        <source>SHA-256 %1 matches the archive record.</source>
        <translation>SHA-256 %1 matches the archive record.</translation>
    </message>
    <message>
        <source>WARNING: the archived bytes do not match their SHA-256 record: do not rely on this copy.</source>
        <translation>WARNING: the archived bytes do not match their SHA-256 record: do not rely on this copy.</translation>
    </message>
    <message>
        <source>Archived handover %1 · %2 → %3.</source>
        <translation>Archived handover %1 · %2 → %3.</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Not named: any other officer may acknowledge</source>
        <translation>Not named: any other officer may acknowledge</translation>
    </message>
    <message>
        <source>Full edition (unmasked ID and phone numbers)</source>
        <translation>Full edition (unmasked ID and phone numbers)</translation>
    </message>
    <message>
        <source>Generating and printing the full edition is recorded in the audit trail.</source>
        <translation>Generating and printing the full edition is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>Only roles allowed to see personal data (station director, administrator) may produce the full edition.</source>
        <translation>Only roles allowed to see personal data (station director, administrator) may produce the full edition.</translation>
    </message>
    <message>
        <source>Instructions received and tasks the incoming officer must follow up…</source>
        <translation>Instructions received and tasks the incoming officer must follow up…</translation>
    </message>
    <message>
        <source>Instructions and pending tasks</source>
        <translation>Instructions and pending tasks</translation>
    </message>
    <message>
        <source>Shift:</source>
        <translation>Shift:</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>Report language:</translation>
    </message>
    <message>
        <source>Incoming officer:</source>
        <translation>Incoming officer:</translation>
    </message>
    <message>
        <source>Instructions and pending tasks:</source>
        <translation>Instructions and pending tasks:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Archive and hand over</source>
        <translation>Archive and hand over</translation>
    </message>
    <message>
        <source>Hand over the shift</source>
        <translation>Hand over the shift</translation>
    </message>
    <message>
        <source>Generate the handover, or pick one from the archive, to see it here.</source>
        <translation>Generate the handover, or pick one from the archive, to see it here.</translation>
    </message>
    <message>
        <source>Collecting the shift's figures…</source>
        <translation>Collecting the shift's figures…</translation>
    </message>
    <message>
        <source>Save the handover report</source>
        <translation>Save the handover report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Printing failed: %1</translation>
    </message>
    <message>
        <source>Print the handover report</source>
        <translation>Print the handover report</translation>
    </message>
    <message>
        <source>The report changed; print it again.</source>
        <translation>The report changed; print it again.</translation>
    </message>
    <message>
        <source>The form was changed after the report was generated: generate it again so that the archived report says what the form says.</source>
        <translation>The form was changed after the report was generated: generate it again so that the archived report says what the form says.</translation>
    </message>
    <message>
        <source>Generate the report first.</source>
        <translation>Generate the report first.</translation>
    </message>
    <message>
        <source>This report has been archived.</source>
        <translation>This report has been archived.</translation>
    </message>
    <message>
        <source>Your role may not archive handovers.</source>
        <translation>Your role may not archive handovers.</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>Offline: the database cannot be reached.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>Your role may not see personal data: generate the masked edition.</source>
        <translation>Your role may not see personal data: generate the masked edition.</translation>
    </message>
    <message>
        <source>This period cannot be reported: %1</source>
        <translation>This period cannot be reported: %1</translation>
    </message>
    <message>
        <source>The database cannot be reached; please try again shortly.</source>
        <translation>The database cannot be reached; please try again shortly.</translation>
    </message>
    <message>
        <source>The report could not be generated: %1</source>
        <translation>The report could not be generated: %1</translation>
    </message>
    <message numerus="yes">
        <source>Report ready: %n page(s). Check it, then save, print or archive it.</source>
        <translation>
            <numerusform>Report ready: %n page. Check it, then save, print or archive it.</numerusform>
            <numerusform>Report ready: %n pages. Check it, then save, print or archive it.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>The report could not be built: %1</translation>
    </message>
    <message>
        <source>full edition</source>
        <translation>full edition</translation>
    </message>
    <message>
        <source>masked edition</source>
        <translation>masked edition</translation>
    </message>
    <message>
        <source>Generated, not archived yet: %1 · %2 · %3</source>
        <translation>Generated, not archived yet: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>The report cannot be shown: %1</source>
        <translation>The report cannot be shown: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n page(s))</source>
        <translation>
            <numerusform>(%n page)</numerusform>
            <numerusform>(%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>The output could not be recorded in the audit trail, so it was not done.</source>
        <translation>The output could not be recorded in the audit trail, so it was not done.</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>The report could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>Wait until the report in progress is done.</source>
        <translation>Wait until the report in progress is done.</translation>
    </message>
    <message>
        <source>Printing page %v of %m</source>
        <translation>Printing page %v of %m</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message numerus="yes">
        <source>Printed: %n page(s).</source>
        <translation>
            <numerusform>Printed: %n page.</numerusform>
            <numerusform>Printed: %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>the incoming officer</source>
        <translation>the incoming officer</translation>
    </message>
    <message>
        <source>Handed over to %1 and archived (SHA-256 %2…).</source>
        <translation>Handed over to %1 and archived (SHA-256 %2…).</translation>
    </message>
    <message>
        <source>Nothing was archived; your instructions are kept.</source>
        <translation>Nothing was archived; your instructions are kept.</translation>
    </message>
    <message>
        <source>Your role may not archive handovers: ask a duty officer or the station director to do it.</source>
        <translation>Your role may not archive handovers: ask a duty officer or the station director to do it.</translation>
    </message>
    <message>
        <source>You cannot hand over to yourself: pick the incoming officer.</source>
        <translation>You cannot hand over to yourself: pick the incoming officer.</translation>
    </message>
    <message>
        <source>The handover could not be archived: %1</source>
        <translation>The handover could not be archived: %1</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Type part of the name</source>
        <translation>Type part of the name</translation>
    </message>
    <message>
        <source>Street, building, unit</source>
        <translation>Street, building, unit</translation>
    </message>
    <message>
        <source>What happened, in one line (required)</source>
        <translation>What happened, in one line (required)</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Notable incident (for the shift handover)</source>
        <translation>Notable incident (for the shift handover)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ctrl+Enter or Ctrl+S</source>
        <translation>Ctrl+Enter or Ctrl+S</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Looking for earlier reports…</source>
        <translation>Looking for earlier reports…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Waiting for the connection to learn whether it was saved…</source>
        <translation>Waiting for the connection to learn whether it was saved…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Confirm and save</source>
        <translation>Confirm and save</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached. What you typed is kept; save when the connection is back.</source>
        <translation>Offline: the database cannot be reached. What you typed is kept; save when the connection is back.</translation>
    </message>
    <message>
        <source>Offline: the case was not saved. What you typed is kept.</source>
        <translation>Offline: the case was not saved. What you typed is kept.</translation>
    </message>
    <message>
        <source>Saved: the case went through (the connection was lost as it was confirmed). It appears in the case list; close this form.</source>
        <translation>Saved: the case went through (the connection was lost as it was confirmed). It appears in the case list; close this form.</translation>
    </message>
    <message>
        <source>Your account may not record cases. Nothing was saved.</source>
        <translation>Your account may not record cases. Nothing was saved.</translation>
    </message>
    <message>
        <source>The case was not saved: %1. What you typed is kept; try again.</source>
        <translation>The case was not saved: %1. What you typed is kept; try again.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Police officer</source>
        <translation>Police officer</translation>
    </message>
    <message>
        <source>Auxiliary officer</source>
        <translation>Auxiliary officer</translation>
    </message>
    <message>
        <source>Police assistant</source>
        <translation>Police assistant</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Annual leave</source>
        <translation>Annual leave</translation>
    </message>
    <message>
        <source>Sick leave</source>
        <translation>Sick leave</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Other leave</source>
        <translation>Other leave</translation>
    </message>
    <message>
        <source>Command room</source>
        <translation>Command room</translation>
    </message>
    <message>
        <source>Community policing team</source>
        <translation>Community policing team</translation>
    </message>
    <message>
        <source>Law-enforcement team</source>
        <translation>Law-enforcement team</translation>
    </message>
    <message>
        <source>Station mediator</source>
        <translation>Station mediator</translation>
    </message>
    <message>
        <source>Resident lawyer</source>
        <translation>Resident lawyer</translation>
    </message>
    <message>
        <source>Court liaison</source>
        <translation>Court liaison</translation>
    </message>
    <message>
        <source>Neighbour dispute</source>
        <translation>Neighbour dispute</translation>
    </message>
    <message>
        <source>Family dispute</source>
        <translation>Family dispute</translation>
    </message>
    <message>
        <source>Property dispute</source>
        <translation>Property dispute</translation>
    </message>
    <message>
        <source>Labour dispute</source>
        <translation>Labour dispute</translation>
    </message>
    <message>
        <source>Consumer dispute</source>
        <translation>Consumer dispute</translation>
    </message>
    <message>
        <source>Traffic dispute</source>
        <translation>Traffic dispute</translation>
    </message>
    <message>
        <source>Request for assistance</source>
        <translation>Request for assistance</translation>
    </message>
    <message>
        <source>Theft</source>
        <translation>Theft</translation>
    </message>
    <message>
        <source>Fraud</source>
        <translation>Fraud</translation>
    </message>
    <message>
        <source>Drug abuse</source>
        <translation>Drug abuse</translation>
    </message>
    <message>
        <source>Conflicts and disputes</source>
        <translation>Conflicts and disputes</translation>
    </message>
    <message>
        <source>Public-security incident</source>
        <translation>Public-security incident</translation>
    </message>
    <message>
        <source>110 dispatch</source>
        <translation>110 dispatch</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <source>Grid-worker referral</source>
        <translation>Grid-worker referral</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>In mediation</source>
        <translation>In mediation</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Suspect</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>Other party</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Partial agreement</source>
        <translation>Partial agreement</translation>
    </message>
    <message>
        <source>No agreement</source>
        <translation>No agreement</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>Other agency</source>
        <translation>Other agency</translation>
    </message>
    <message>
        <source>Day shift</source>
        <translation>Day shift</translation>
    </message>
    <message>
        <source>Night shift</source>
        <translation>Night shift</translation>
    </message>
    <message>
        <source>Custom shift</source>
        <translation>Custom shift</translation>
    </message>
    <message>
        <source>Case overdue</source>
        <translation>Case overdue</translation>
    </message>
    <message>
        <source>Patrol check-in missed</source>
        <translation>Patrol check-in missed</translation>
    </message>
    <message>
        <source>Mediation starts soon</source>
        <translation>Mediation starts soon</translation>
    </message>
    <message>
        <source>Urgent case unassigned</source>
        <translation>Urgent case unassigned</translation>
    </message>
    <message>
        <source>Mediation period ending</source>
        <translation>Mediation period ending</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>On patrol</source>
        <translation>On patrol</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>Theft prevention</source>
        <translation>Theft prevention</translation>
    </message>
    <message>
        <source>Fraud prevention</source>
        <translation>Fraud prevention</translation>
    </message>
    <message>
        <source>Drug prevention</source>
        <translation>Drug prevention</translation>
    </message>
    <message>
        <source>Conflict prevention</source>
        <translation>Conflict prevention</translation>
    </message>
    <message>
        <source>Public security</source>
        <translation>Public security</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>Duty officer</translation>
    </message>
    <message>
        <source>Community officer</source>
        <translation>Community officer</translation>
    </message>
    <message>
        <source>Law-enforcement officer</source>
        <translation>Law-enforcement officer</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Station director</source>
        <translation>Station director</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>No leave recorded.</source>
        <translation>No leave recorded.</translation>
    </message>
    <message>
        <source>Cancel this leave</source>
        <translation>Cancel this leave</translation>
    </message>
    <message>
        <source>End leave…</source>
        <translation>End leave…</translation>
    </message>
    <message>
        <source>Until further notice</source>
        <translation>Until further notice</translation>
    </message>
    <message>
        <source>e.g. family visit, hospital, city training</source>
        <translation>e.g. family visit, hospital, city training</translation>
    </message>
    <message>
        <source>Add leave</source>
        <translation>Add leave</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>New leave period</source>
        <translation>New leave period</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>until further notice</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (today)</translation>
    </message>
    <message>
        <source>Your role may not record leave.</source>
        <translation>Your role may not record leave.</translation>
    </message>
    <message>
        <source>Give leave recorded until further notice its last day.</source>
        <translation>Give leave recorded until further notice its last day.</translation>
    </message>
    <message>
        <source>Leave recorded for %1.</source>
        <translation>Leave recorded for %1.</translation>
    </message>
    <message>
        <source>Leave from %1 ends on %2.</source>
        <translation>Leave from %1 ends on %2.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Cancel leave</source>
        <translation>Cancel leave</translation>
    </message>
    <message>
        <source>Cancel the leave %1, %2 to %3? It is removed from the roster checks.</source>
        <translation>Cancel the leave %1, %2 to %3? It is removed from the roster checks.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Leave from %1 cancelled.</source>
        <translation>Leave from %1 cancelled.</translation>
    </message>
    <message>
        <source>Not saved: check the marked fields.</source>
        <translation>Not saved: check the marked fields.</translation>
    </message>
    <message>
        <source>Your role may not record leave. Nothing was saved.</source>
        <translation>Your role may not record leave. Nothing was saved.</translation>
    </message>
    <message>
        <source>This leave was changed on another workstation; the list is reloaded.</source>
        <translation>This leave was changed on another workstation; the list is reloaded.</translation>
    </message>
    <message>
        <source>The leave could not be saved: %1</source>
        <translation>The leave could not be saved: %1</translation>
    </message>
    <message>
        <source>Overlaps leave already recorded: %1, %2 to %3.</source>
        <translation>Overlaps leave already recorded: %1, %2 to %3.</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>The last day is before the first day.</translation>
    </message>
    <message>
        <source>This person is no longer on the station's staff.</source>
        <translation>This person is no longer on the station's staff.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked — {app}</source>
        <translation>Locked — {app}</translation>
    </message>
    <message>
        <source>StationDesk is locked</source>
        <translation>StationDesk is locked</translation>
    </message>
    <message>
        <source>Locked after a time without activity. {name} ({user}) is signed in: enter the password to go on. Open work is kept as it was.</source>
        <translation>Locked after a time without activity. {name} ({user}) is signed in: enter the password to go on. Open work is kept as it was.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Sign in as someone else</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Cannot reach the database to check the password: {error}</source>
        <translation>Cannot reach the database to check the password: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>Patrols</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>StationDesk — {place}</source>
        <translation>StationDesk — {place}</translation>
    </message>
    <message>
        <source>Database unreachable — edits are blocked; reconnecting…</source>
        <translation>Database unreachable — edits are blocked; reconnecting…</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Database settings…</source>
        <translation>&amp;Database settings…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Audit trail…</translation>
    </message>
    <message>
        <source>&amp;Lock / Sign out</source>
        <translation>&amp;Lock / Sign out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>&amp;Go to…</translation>
    </message>
    <message>
        <source>&amp;Dark theme (night shift)</source>
        <translation>&amp;Dark theme (night shift)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About StationDesk</source>
        <translation>&amp;About StationDesk</translation>
    </message>
    <message>
        <source>Loading from the database…</source>
        <translation>Loading from the database…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Signed in as {user}</source>
        <translation>Signed in as {user}</translation>
    </message>
    <message>
        <source>This view could not be opened. Details are in the log.</source>
        <translation>This view could not be opened. Details are in the log.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connected to the database</source>
        <translation>Connected to the database</translation>
    </message>
    <message>
        <source>The database cannot be reached ({reason}); retrying</source>
        <translation>The database cannot be reached ({reason}); retrying</translation>
    </message>
    <message>
        <source>Save confirmed</source>
        <translation>Save confirmed</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>You are not allowed to do that.</translation>
    </message>
    <message>
        <source>Another workstation changed this record first; it was reloaded.</source>
        <translation>Another workstation changed this record first; it was reloaded.</translation>
    </message>
    <message>
        <source>That record no longer exists (deleted on another workstation?).</source>
        <translation>That record no longer exists (deleted on another workstation?).</translation>
    </message>
    <message>
        <source>The database cannot be reached; please try again shortly.</source>
        <translation>The database cannot be reached; please try again shortly.</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Something went wrong; the details are in the log.</translation>
    </message>
    <message>
        <source>Switch to the new database now? This window closes and you sign in again.</source>
        <translation>Switch to the new database now? This window closes and you sign in again.</translation>
    </message>
    <message>
        <source>About StationDesk</source>
        <translation>About StationDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StationDesk {version}&lt;/h3&gt;&lt;p&gt;The command-room client of a community police station.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StationDesk {version}&lt;/h3&gt;&lt;p&gt;The command-room client of a community police station.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MediationFiguresTab</name>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Hours booked</source>
        <translation>Hours booked</translation>
    </message>
    <message>
        <source>Hours offered</source>
        <translation>Hours offered</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>With outcome</source>
        <translation>With outcome</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Agreement rate</source>
        <translation>Agreement rate</translation>
    </message>
    <message>
        <source> months</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Utilisation: hours booked over hours offered by the weekly pattern. Agreement rate: agreements over sessions with an outcome.</source>
        <translation>Utilisation: hours booked over hours offered by the weekly pattern. Agreement rate: agreements over sessions with an outcome.</translation>
    </message>
</context>
<context>
    <name>MediationSessions</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Mediation period</source>
        <translation>Mediation period</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>Record outcome…</translation>
    </message>
    <message>
        <source>Print agreement…</source>
        <translation>Print agreement…</translation>
    </message>
    <message>
        <source>No mediation sessions today or in the next 7 days.</source>
        <translation>No mediation sessions today or in the next 7 days.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>Sessions from %1, the next 7 days included</source>
        <translation>Sessions from %1, the next 7 days included</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) past the deadline</source>
        <translation>
            <numerusform>%n case past the deadline</numerusform>
            <numerusform>%n cases past the deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ending soon</source>
        <translation>
            <numerusform>%n ending soon</numerusform>
            <numerusform>%n ending soon</numerusform>
        </translation>
    </message>
    <message>
        <source>Mediation period: %1 — first: %2, due %3</source>
        <translation>Mediation period: %1 — first: %2, due %3</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) over</source>
        <translation>
            <numerusform>%n day over</numerusform>
            <numerusform>%n days over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>%n hour left</numerusform>
            <numerusform>%n hours left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>Outcome recorded.</source>
        <translation>Outcome recorded.</translation>
    </message>
    <message>
        <source>Outcome recorded; the case is now: %1</source>
        <translation>Outcome recorded; the case is now: %1</translation>
    </message>
    <message>
        <source>. Follow-up visits on %1.</source>
        <translation>. Follow-up visits on %1.</translation>
    </message>
    <message>
        <source>Save the agreement</source>
        <translation>Save the agreement</translation>
    </message>
    <message>
        <source>Agreement saved to %1</source>
        <translation>Agreement saved to %1</translation>
    </message>
</context>
<context>
    <name>MediationSettingsDialog</name>
    <message>
        <source>Mediation settings</source>
        <translation>Mediation settings</translation>
    </message>
    <message>
        <source>Agreements recorded from now on get follow-up visits on these days; visits already booked keep their dates. The mediation period counts from the case's move into mediation. All workstations of the station use the same settings.</source>
        <translation>Agreements recorded from now on get follow-up visits on these days; visits already booked keep their dates. The mediation period counts from the case's move into mediation. All workstations of the station use the same settings.</translation>
    </message>
    <message>
        <source>e.g. 7, 30</source>
        <translation>e.g. 7, 30</translation>
    </message>
    <message>
        <source>Days after the agreement, separated by commas (1 to %1 each)</source>
        <translation>Days after the agreement, separated by commas (1 to %1 each)</translation>
    </message>
    <message>
        <source>Follow-up visits after (days)</source>
        <translation>Follow-up visits after (days)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Mediation period</source>
        <translation>Mediation period</translation>
    </message>
    <message>
        <source>How many days before the period ends to warn</source>
        <translation>How many days before the period ends to warn</translation>
    </message>
    <message>
        <source>Warn before the end</source>
        <translation>Warn before the end</translation>
    </message>
    <message>
        <source>The warning must come before the period ends (fewer than %1 days).</source>
        <translation>The warning must come before the period ends (fewer than %1 days).</translation>
    </message>
    <message>
        <source>At least one follow-up visit is needed.</source>
        <translation>At least one follow-up visit is needed.</translation>
    </message>
    <message>
        <source>Whole numbers of days, separated by commas.</source>
        <translation>Whole numbers of days, separated by commas.</translation>
    </message>
    <message>
        <source>Each from 1 to %1 days.</source>
        <translation>Each from 1 to %1 days.</translation>
    </message>
    <message>
        <source>Your account may not change the station's settings. Nothing was saved.</source>
        <translation>Your account may not change the station's settings. Nothing was saved.</translation>
    </message>
    <message>
        <source>Another workstation changed these settings just now: follow-up visits after %1 days, period %2 days, warning %3 days. Nothing was saved; Save again to replace them with yours.</source>
        <translation>Another workstation changed these settings just now: follow-up visits after %1 days, period %2 days, warning %3 days. Nothing was saved; Save again to replace them with yours.</translation>
    </message>
    <message>
        <source>The settings could not be read or saved: %1</source>
        <translation>The settings could not be read or saved: %1</translation>
    </message>
</context>
<context>
    <name>MediationView</name>
    <message>
        <source>Mediators now</source>
        <translation>Mediators now</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Next free</source>
        <translation>Next free</translation>
    </message>
    <message>
        <source>Sessions today</source>
        <translation>Sessions today</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached; the board may be out of date.</source>
        <translation>Offline: the database cannot be reached; the board may be out of date.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Away (leave)</source>
        <translation>Away (leave)</translation>
    </message>
    <message>
        <source>Away (court day)</source>
        <translation>Away (court day)</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Away</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>In a mediation session until %1</source>
        <translation>In a mediation session until %1</translation>
    </message>
    <message>
        <source>Busy until %1</source>
        <translation>Busy until %1</translation>
    </message>
    <message>
        <source>Busy for the rest of today</source>
        <translation>Busy for the rest of today</translation>
    </message>
    <message>
        <source>Outside their working hours</source>
        <translation>Outside their working hours</translation>
    </message>
    <message>
        <source>Off duty until %1</source>
        <translation>Off duty until %1</translation>
    </message>
    <message>
        <source>Off duty today</source>
        <translation>Off duty today</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>none in the next 7 days</source>
        <translation>none in the next 7 days</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Fully booked today</source>
        <translation>Fully booked today</translation>
    </message>
    <message numerus="yes">
        <source>Mediators now (%1) — %n free</source>
        <translation>
            <numerusform>Mediators now (%1) — %n free</numerusform>
            <numerusform>Mediators now (%1) — %n free</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediatorCalendar</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Mark the selected half hours as working time, every week</source>
        <translation>Mark the selected half hours as working time, every week</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>Not working</translation>
    </message>
    <message>
        <source>Remove the selected half hours from the weekly pattern</source>
        <translation>Remove the selected half hours from the weekly pattern</translation>
    </message>
    <message>
        <source>Green: working hours · amber: booked sessions · grey: day away</source>
        <translation>Green: working hours · amber: booked sessions · grey: day away</translation>
    </message>
    <message>
        <source>Add day away…</source>
        <translation>Add day away…</translation>
    </message>
    <message>
        <source>Remove day away</source>
        <translation>Remove day away</translation>
    </message>
    <message>
        <source>Days away this week (leave, court days)</source>
        <translation>Days away this week (leave, court days)</translation>
    </message>
    <message>
        <source>Week of %1 to %2</source>
        <translation>Week of %1 to %2</translation>
    </message>
    <message>
        <source>Session %1, %2–%3</source>
        <translation>Session %1, %2–%3</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Court day</source>
        <translation>Court day</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Away</translation>
    </message>
    <message>
        <source>Select half hours in the grid first (drag over them).</source>
        <translation>Select half hours in the grid first (drag over them).</translation>
    </message>
    <message>
        <source>Working hours saved.</source>
        <translation>Working hours saved.</translation>
    </message>
    <message>
        <source>Day away added.</source>
        <translation>Day away added.</translation>
    </message>
    <message>
        <source>Pick the day away to remove in the list.</source>
        <translation>Pick the day away to remove in the list.</translation>
    </message>
    <message>
        <source>Day away removed.</source>
        <translation>Day away removed.</translation>
    </message>
    <message>
        <source>Another workstation changed this mediator's calendar meanwhile; it has been reloaded. Check it and make your change again.</source>
        <translation>Another workstation changed this mediator's calendar meanwhile; it has been reloaded. Check it and make your change again.</translation>
    </message>
    <message>
        <source>Your role may not change mediators' calendars.</source>
        <translation>Your role may not change mediators' calendars.</translation>
    </message>
    <message>
        <source>This entry was removed by another workstation.</source>
        <translation>This entry was removed by another workstation.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
    <message>
        <source>that day is already marked as away</source>
        <translation>that day is already marked as away</translation>
    </message>
    <message>
        <source>working windows must not overlap</source>
        <translation>working windows must not overlap</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>This session was cancelled; it has no outcome.</source>
        <translation>This session was cancelled; it has no outcome.</translation>
    </message>
    <message>
        <source>This session's outcome has already been recorded.</source>
        <translation>This session's outcome has already been recorded.</translation>
    </message>
    <message>
        <source>This session has not started yet.</source>
        <translation>This session has not started yet.</translation>
    </message>
    <message>
        <source>Write down the terms the parties agreed.</source>
        <translation>Write down the terms the parties agreed.</translation>
    </message>
    <message>
        <source>Without an agreement the case must be referred: choose where to.</source>
        <translation>Without an agreement the case must be referred: choose where to.</translation>
    </message>
    <message>
        <source>A full agreement is not referred; choose no referral.</source>
        <translation>A full agreement is not referred; choose no referral.</translation>
    </message>
    <message>
        <source>The case's status does not allow this outcome (is it closed?).</source>
        <translation>The case's status does not allow this outcome (is it closed?).</translation>
    </message>
    <message>
        <source>This session ended without an agreement; there is nothing to print.</source>
        <translation>This session ended without an agreement; there is nothing to print.</translation>
    </message>
    <message>
        <source>The session or its case was changed by another workstation; reload and try again.</source>
        <translation>The session or its case was changed by another workstation; reload and try again.</translation>
    </message>
    <message>
        <source>Your role may not record mediation outcomes.</source>
        <translation>Your role may not record mediation outcomes.</translation>
    </message>
    <message>
        <source>This session no longer exists (removed by another workstation?).</source>
        <translation>This session no longer exists (removed by another workstation?).</translation>
    </message>
    <message>
        <source>The outcome could not be saved: %1</source>
        <translation>The outcome could not be saved: %1</translation>
    </message>
    <message>
        <source>Outcome of the mediation session</source>
        <translation>Outcome of the mediation session</translation>
    </message>
    <message>
        <source>One term a line, as the parties agreed them</source>
        <translation>One term a line, as the parties agreed them</translation>
    </message>
    <message>
        <source>No referral</source>
        <translation>No referral</translation>
    </message>
    <message>
        <source>Why, for the case's history (optional)</source>
        <translation>Why, for the case's history (optional)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Terms agreed</source>
        <translation>Terms agreed</translation>
    </message>
    <message>
        <source>Refer the case to</source>
        <translation>Refer the case to</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>The case will be resolved and follow-up visits booked.</source>
        <translation>The case will be resolved and follow-up visits booked.</translation>
    </message>
    <message>
        <source>The case stays in mediation unless you refer what is left.</source>
        <translation>The case stays in mediation unless you refer what is left.</translation>
    </message>
    <message>
        <source>The case will be referred.</source>
        <translation>The case will be referred.</translation>
    </message>
    <message>
        <source>Mediation session %1: %2</source>
        <translation>Mediation session %1: %2</translation>
    </message>
    <message>
        <source>, referred to %1</source>
        <translation>, referred to %1</translation>
    </message>
</context>
<context>
    <name>OutreachTab</name>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Latest events in this period</source>
        <translation>Latest events in this period</translation>
    </message>
    <message>
        <source>Log an outreach event</source>
        <translation>Log an outreach event</translation>
    </message>
    <message>
        <source>Log event</source>
        <translation>Log event</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>Held at</translation>
    </message>
    <message>
        <source>Events per topic</source>
        <translation>Events per topic</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>(no grid)</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s)</source>
        <translation>
            <numerusform>%n attendee</numerusform>
            <numerusform>%n attendees</numerusform>
        </translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Outreach event logged.</source>
        <translation>Outreach event logged.</translation>
    </message>
    <message>
        <source>Your role may not log community work.</source>
        <translation>Your role may not log community work.</translation>
    </message>
    <message>
        <source>The event could not be saved: %1</source>
        <translation>The event could not be saved: %1</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>Offline: the database cannot be reached.</translation>
    </message>
    <message>
        <source>Not known yet whether the last save went through; StationDesk checks when the connection is back.</source>
        <translation>Not known yet whether the last save went through; StationDesk checks when the connection is back.</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Disputes</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Theft &amp; fraud</source>
        <translation>Theft &amp; fraud</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>Drugs</translation>
    </message>
    <message>
        <source>Conflicts &amp; public security</source>
        <translation>Conflicts &amp; public security</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Click to list all open cases</source>
        <translation>Click to list all open cases</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Open cases past their resolution deadline; click to list them</source>
        <translation>Open cases past their resolution deadline; click to list them</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Open cases with no officer or team; click to list them</source>
        <translation>Open cases with no officer or team; click to list them</translation>
    </message>
    <message>
        <source>Patrols on the street now</source>
        <translation>Patrols on the street now</translation>
    </message>
    <message>
        <source>Patrol crews checked in and not finished; click for patrols</source>
        <translation>Patrol crews checked in and not finished; click for patrols</translation>
    </message>
    <message>
        <source>Grids without a patrol now</source>
        <translation>Grids without a patrol now</translation>
    </message>
    <message>
        <source>Grids no current patrol shift covers; click for patrols</source>
        <translation>Grids no current patrol shift covers; click for patrols</translation>
    </message>
    <message>
        <source>Mediators free now</source>
        <translation>Mediators free now</translation>
    </message>
    <message>
        <source>Mediators, lawyers and court liaisons free at this moment; click for mediation</source>
        <translation>Mediators, lawyers and court liaisons free at this moment; click for mediation</translation>
    </message>
    <message>
        <source>Follow-ups due today</source>
        <translation>Follow-ups due today</translation>
    </message>
    <message>
        <source>Follow-up visits after agreements due today or earlier and not done</source>
        <translation>Follow-up visits after agreements due today or earlier and not done</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached; figures may be out of date.</source>
        <translation>Offline: the database cannot be reached; figures may be out of date.</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Add party (Alt+P)</source>
        <translation>Add party (Alt+P)</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 characters</translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>Remove this party</source>
        <translation>Remove this party</translation>
    </message>
</context>
<context>
    <name>PatrolsView</name>
    <message>
        <source>Previous day</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Day shown</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation>Mark missed</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Crew</translation>
    </message>
    <message>
        <source>Grids covered</source>
        <translation>Grids covered</translation>
    </message>
    <message>
        <source>Day %1–%2</source>
        <translation>Day %1–%2</translation>
    </message>
    <message>
        <source>Night %1–%2</source>
        <translation>Night %1–%2</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week board</source>
        <translation>Week board</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Checked in at %1</source>
        <translation>Checked in at %1</translation>
    </message>
    <message>
        <source>⏰ %1 – check-in overdue</source>
        <translation>⏰ %1 – check-in overdue</translation>
    </message>
    <message>
        <source>The crew has not checked in although the shift began.</source>
        <translation>The crew has not checked in although the shift began.</translation>
    </message>
    <message>
        <source>No crew</source>
        <translation>No crew</translation>
    </message>
    <message>
        <source>No patrol shifts on this day.</source>
        <translation>No patrol shifts on this day.</translation>
    </message>
    <message>
        <source>✗ No patrol</source>
        <translation>✗ No patrol</translation>
    </message>
    <message>
        <source>A staffed patrol covers this grid for at least an hour</source>
        <translation>A staffed patrol covers this grid for at least an hour</translation>
    </message>
    <message>
        <source>No staffed patrol covers this grid in this part of the day</source>
        <translation>No staffed patrol covers this grid in this part of the day</translation>
    </message>
    <message>
        <source>Helpers: %1</source>
        <translation>Helpers: %1</translation>
    </message>
    <message>
        <source>⚠ None</source>
        <translation>⚠ None</translation>
    </message>
    <message>
        <source>No responsible officer</source>
        <translation>No responsible officer</translation>
    </message>
    <message>
        <source>%1, the responsible officer, is on leave</source>
        <translation>%1, the responsible officer, is on leave</translation>
    </message>
    <message>
        <source>⚠ %1 on leave</source>
        <translation>⚠ %1 on leave</translation>
    </message>
    <message>
        <source>Grids of the station</source>
        <translation>Grids of the station</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n gap</numerusform>
            <numerusform>%n gaps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n grid(s) without an officer on duty</source>
        <translation>
            <numerusform>%n grid without an officer on duty</numerusform>
            <numerusform>%n grids without an officer on duty</numerusform>
        </translation>
    </message>
    <message>
        <source>Grid coverage on %1</source>
        <translation>Grid coverage on %1</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached, so patrols cannot be changed until the connection is back.</source>
        <translation>Offline: the database cannot be reached, so patrols cannot be changed until the connection is back.</translation>
    </message>
    <message>
        <source>Your role may not change patrols.</source>
        <translation>Your role may not change patrols.</translation>
    </message>
    <message>
        <source>Select a patrol shift first.</source>
        <translation>Select a patrol shift first.</translation>
    </message>
    <message>
        <source>Not possible for a shift that is %1.</source>
        <translation>Not possible for a shift that is %1.</translation>
    </message>
    <message>
        <source>%1 (%2): now %3.</source>
        <translation>%1 (%2): now %3.</translation>
    </message>
    <message>
        <source>This shift was changed by another workstation; the list has been reloaded. Check the shift and try again.</source>
        <translation>This shift was changed by another workstation; the list has been reloaded. Check the shift and try again.</translation>
    </message>
    <message>
        <source>This shift was deleted by another workstation; the list has been reloaded.</source>
        <translation>This shift was deleted by another workstation; the list has been reloaded.</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Previous period</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Next period</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1-%2</translation>
    </message>
    <message>
        <source>%1 Q%2</source>
        <translation>%1 Q%2</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Week of %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>The file could not be written: %1. Choose another folder and try again.</source>
        <translation>The file could not be written: %1. Choose another folder and try again.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 of at most %2 characters</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Officer and helpers of %1</source>
        <translation>Officer and helpers of %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(on leave)</source>
        <translation>(on leave)</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>Helpers</translation>
    </message>
</context>
<context>
    <name>RepeatWarning</name>
    <message>
        <source>Mark as repeat dispute</source>
        <translation>Mark as repeat dispute</translation>
    </message>
    <message>
        <source>This address/party had %1 case(s) in the last %2 days (%3 at this address, %4 with these parties). Check them before saving.</source>
        <translation>This address/party had %1 case(s) in the last %2 days (%3 at this address, %4 with these parties). Check them before saving.</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>same address</translation>
    </message>
    <message>
        <source>same party</source>
        <translation>same party</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, overdue</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Duty shift</source>
        <translation>Duty shift</translation>
    </message>
    <message>
        <source>Duty shift:</source>
        <translation>Duty shift:</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached; figures may be out of date.</source>
        <translation>Offline: the database cannot be reached; figures may be out of date.</translation>
    </message>
    <message>
        <source>New cases</source>
        <translation>New cases</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>Cases closed</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Mediations held</source>
        <translation>Mediations held</translation>
    </message>
    <message>
        <source>Mediations booked, next 24 h</source>
        <translation>Mediations booked, next 24 h</translation>
    </message>
    <message>
        <source>Patrols completed</source>
        <translation>Patrols completed</translation>
    </message>
    <message>
        <source>Patrols missed</source>
        <translation>Patrols missed</translation>
    </message>
    <message>
        <source>New cases in this shift</source>
        <translation>New cases in this shift</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>No new cases in this shift.</source>
        <translation>No new cases in this shift.</translation>
    </message>
    <message>
        <source>Shift summary</source>
        <translation>Shift summary</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(current)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>running; open and overdue as of %1</source>
        <translation>running; open and overdue as of %1</translation>
    </message>
    <message>
        <source>ended; open and overdue at its end</source>
        <translation>ended; open and overdue at its end</translation>
    </message>
    <message>
        <source>New cases by category: %1</source>
        <translation>New cases by category: %1</translation>
    </message>
    <message numerus="yes">
        <source>New cases in this shift (%n)</source>
        <translation>
            <numerusform>New cases in this shift (%n)</numerusform>
            <numerusform>New cases in this shift (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New cases in this shift (first %n)</source>
        <translation>
            <numerusform>New cases in this shift (first %n)</numerusform>
            <numerusform>New cases in this shift (first %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Result of the follow-up visit</source>
        <translation>Result of the follow-up visit</translation>
    </message>
    <message>
        <source>What you found: is the agreement kept? Any new trouble?</source>
        <translation>What you found: is the agreement kept? Any new trouble?</translation>
    </message>
</context>
<context>
    <name>RosterRulesDialog</name>
    <message>
        <source>Roster rules</source>
        <translation>Roster rules</translation>
    </message>
    <message>
        <source>Every workstation checks patrol rosters against these rules. A saved roster may break them (it shows why); a double booking is never saved.</source>
        <translation>Every workstation checks patrol rosters against these rules. A saved roster may break them (it shows why); a double booking is never saved.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minimum rest between shifts</source>
        <translation>Minimum rest between shifts</translation>
    </message>
    <message>
        <source>Maximum hours per week</source>
        <translation>Maximum hours per week</translation>
    </message>
    <message>
        <source>Minimum crew (one a police officer)</source>
        <translation>Minimum crew (one a police officer)</translation>
    </message>
    <message>
        <source>Check-in overdue after</source>
        <translation>Check-in overdue after</translation>
    </message>
    <message>
        <source>Your account may not change the station's settings. Nothing was saved.</source>
        <translation>Your account may not change the station's settings. Nothing was saved.</translation>
    </message>
    <message>
        <source>The settings could not be read or saved: %1</source>
        <translation>The settings could not be read or saved: %1</translation>
    </message>
</context>
<context>
    <name>SaveRunner</name>
    <message>
        <source>The database cannot be reached. What you typed is kept; StationDesk reconnects by itself and then tells you whether the last save went through.</source>
        <translation>The database cannot be reached. What you typed is kept; StationDesk reconnects by itself and then tells you whether the last save went through.</translation>
    </message>
    <message>
        <source>The database is busy with another workstation's change. Try again.</source>
        <translation>The database is busy with another workstation's change. Try again.</translation>
    </message>
    <message>
        <source>Another workstation changed this record after you opened it. Look at their change, then merge or reload.</source>
        <translation>Another workstation changed this record after you opened it. Look at their change, then merge or reload.</translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Ask the administrator to free space.</source>
        <translation>The disk that holds the database is full. Ask the administrator to free space.</translation>
    </message>
    <message>
        <source>The database cannot be written (read-only file, folder or server). Ask the administrator.</source>
        <translation>The database cannot be written (read-only file, folder or server). Ask the administrator.</translation>
    </message>
    <message>
        <source>The disk that holds the database reported an error. Stop and call the administrator.</source>
        <translation>The disk that holds the database reported an error. Stop and call the administrator.</translation>
    </message>
    <message>
        <source>The database file is damaged. Stop working on it; the administrator restores the latest backup.</source>
        <translation>The database file is damaged. Stop working on it; the administrator restores the latest backup.</translation>
    </message>
    <message>
        <source>The database file is on a network share, where SQLite can lose data. Keep it on a local disk, or use a PostgreSQL server for several workstations.</source>
        <translation>The database file is on a network share, where SQLite can lose data. Keep it on a local disk, or use a PostgreSQL server for several workstations.</translation>
    </message>
    <message>
        <source>The database belongs to a different StationDesk version. Ask the administrator to upgrade it (stationdesk init) or to update this workstation.</source>
        <translation>The database belongs to a different StationDesk version. Ask the administrator to upgrade it (stationdesk init) or to update this workstation.</translation>
    </message>
    <message>
        <source>The database server refused this workstation's login. Check the database user and password in the database settings.</source>
        <translation>The database server refused this workstation's login. Check the database user and password in the database settings.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>This record no longer exists; another workstation may have deleted it.</source>
        <translation>This record no longer exists; another workstation may have deleted it.</translation>
    </message>
    <message>
        <source>StationDesk hit an internal error. The details are in the log.</source>
        <translation>StationDesk hit an internal error. The details are in the log.</translation>
    </message>
    <message>
        <source>Your save went through.</source>
        <translation>Your save went through.</translation>
    </message>
    <message>
        <source>Your save did not go through; nothing was changed.</source>
        <translation>Your save did not go through; nothing was changed.</translation>
    </message>
    <message>
        <source>It is not known yet whether your save went through. StationDesk checks as soon as the database is back; keep what you typed.</source>
        <translation>It is not known yet whether your save went through. StationDesk checks as soon as the database is back; keep what you typed.</translation>
    </message>
    <message>
        <source>Not known yet whether the last save went through; StationDesk checks when the connection is back.</source>
        <translation>Not known yet whether the last save went through; StationDesk checks when the connection is back.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Offline: nothing can be saved until the connection is back.</source>
        <translation>Offline: nothing can be saved until the connection is back.</translation>
    </message>
    <message>
        <source>Offline: not saved — your text is kept; save again when the connection is back.</source>
        <translation>Offline: not saved — your text is kept; save again when the connection is back.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Unknown whether it was saved — the connection was lost during the save. Your text is kept; StationDesk checks when the connection returns.</source>
        <translation>Unknown whether it was saved — the connection was lost during the save. Your text is kept; StationDesk checks when the connection returns.</translation>
    </message>
    <message>
        <source>The database could not be reached.</source>
        <translation>The database could not be reached.</translation>
    </message>
    <message>
        <source>Not saved — your text is kept; try again.</source>
        <translation>Not saved — your text is kept; try again.</translation>
    </message>
    <message>
        <source>The connection is back. Saved: %1</source>
        <translation>The connection is back. Saved: %1</translation>
    </message>
    <message>
        <source>The connection is back.</source>
        <translation>The connection is back.</translation>
    </message>
    <message>
        <source>The last save has not been confirmed yet. StationDesk will tell you as soon as the connection returns. Close anyway?</source>
        <translation>The last save has not been confirmed yet. StationDesk will tell you as soon as the connection returns. Close anyway?</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Close anyway</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Keep open</translation>
    </message>
    <message>
        <source>“%1” was closed before its save was confirmed. %2</source>
        <translation>“%1” was closed before its save was confirmed. %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Database settings</source>
        <translation>Database settings</translation>
    </message>
    <message>
        <source>Embedded database on this computer (SQLite)</source>
        <translation>Embedded database on this computer (SQLite)</translation>
    </message>
    <message>
        <source>Database server shared by workstations (PostgreSQL)</source>
        <translation>Database server shared by workstations (PostgreSQL)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>Check file</translation>
    </message>
    <message>
        <source>Read the whole database file and report any damage (integrity check)</source>
        <translation>Read the whole database file and report any damage (integrity check)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Keep the file on a local disk, never on a network share. Leave empty for the default file.</source>
        <translation>Keep the file on a local disk, never on a network share. Leave empty for the default file.</translation>
    </message>
    <message>
        <source>empty: the default root.crt</source>
        <translation>empty: the default root.crt</translation>
    </message>
    <message>
        <source>The station's CA certificate (ca.crt) that signed the server's certificate; checked with SSL mode verify-ca or verify-full.</source>
        <translation>The station's CA certificate (ca.crt) that signed the server's certificate; checked with SSL mode verify-ca or verify-full.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL mode</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Remember in the system keyring</translation>
    </message>
    <message>
        <source>Kept by the operating system's keyring, never in a StationDesk file.</source>
        <translation>Kept by the operating system's keyring, never in a StationDesk file.</translation>
    </message>
    <message>
        <source>The password is never written to the settings file: it is kept only in the system keyring. Without a keyring it is used for this session only.</source>
        <translation>The password is never written to the settings file: it is kept only in the system keyring. Without a keyring it is used for this session only.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>A new language applies when StationDesk starts again.</source>
        <translation>A new language applies when StationDesk starts again.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark (night shift)</source>
        <translation>Dark (night shift)</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Database file: this is a folder; choose a file name.</source>
        <translation>Database file: this is a folder; choose a file name.</translation>
    </message>
    <message>
        <source>Host: enter the server's name or address.</source>
        <translation>Host: enter the server's name or address.</translation>
    </message>
    <message>
        <source>Database name: enter the database's name.</source>
        <translation>Database name: enter the database's name.</translation>
    </message>
    <message>
        <source>User: enter the database user.</source>
        <translation>User: enter the database user.</translation>
    </message>
    <message>
        <source>Host: no spaces allowed.</source>
        <translation>Host: no spaces allowed.</translation>
    </message>
    <message>
        <source>CA certificate: no such file on this computer.</source>
        <translation>CA certificate: no such file on this computer.</translation>
    </message>
    <message>
        <source>The file does not exist yet; it will be created.</source>
        <translation>The file does not exist yet; it will be created.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>There is no such file yet.</source>
        <translation>There is no such file yet.</translation>
    </message>
    <message>
        <source>Checking the database file…</source>
        <translation>Checking the database file…</translation>
    </message>
    <message>
        <source>The database file is intact.</source>
        <translation>The database file is intact.</translation>
    </message>
    <message>
        <source>The database file is damaged: {details}. Do not keep working on it: restore the latest backup or call the administrator.</source>
        <translation>The database file is damaged: {details}. Do not keep working on it: restore the latest backup or call the administrator.</translation>
    </message>
    <message>
        <source>Connection works.</source>
        <translation>Connection works.</translation>
    </message>
    <message>
        <source>The password is saved in the system keyring.</source>
        <translation>The password is saved in the system keyring.</translation>
    </message>
    <message>
        <source>The password cannot be remembered; it is used for this session only.</source>
        <translation>The password cannot be remembered; it is used for this session only.</translation>
    </message>
    <message>
        <source>Cannot connect: {error}</source>
        <translation>Cannot connect: {error}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — StationDesk</source>
        <translation>Sign in — StationDesk</translation>
    </message>
    <message>
        <source>Sign in to StationDesk</source>
        <translation>Sign in to StationDesk</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Database settings…</source>
        <translation>Database settings…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. An administrator can unlock it.</source>
        <translation>This account is locked after too many wrong passwords. An administrator can unlock it.</translation>
    </message>
    <message>
        <source>This account is switched off. Ask an administrator.</source>
        <translation>This account is switched off. Ask an administrator.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Cannot reach the database: {error}</source>
        <translation>Cannot reach the database: {error}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>StationDesk was not closed properly last time: checking the database file…</source>
        <translation>StationDesk was not closed properly last time: checking the database file…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>The database file {file} is damaged. Do not keep working on it: restore the latest backup or call the administrator.</source>
        <translation>The database file {file} is damaged. Do not keep working on it: restore the latest backup or call the administrator.</translation>
    </message>
    <message>
        <source>Cannot connect to the database {db}. Check the network and the server, or choose another database.</source>
        <translation>Cannot connect to the database {db}. Check the network and the server, or choose another database.</translation>
    </message>
    <message>
        <source>Reading the database password from the system keyring…</source>
        <translation>Reading the database password from the system keyring…</translation>
    </message>
    <message>
        <source>Saving the password in the system keyring…</source>
        <translation>Saving the password in the system keyring…</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keyring; it is used for this session only.</source>
        <translation>The password could not be saved in the system keyring; it is used for this session only.</translation>
    </message>
    <message>
        <source>Preparing the database…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <source>The file {file} has no StationDesk data yet. Create the database in it?</source>
        <translation>The file {file} has no StationDesk data yet. Create the database in it?</translation>
    </message>
    <message>
        <source>The database in {file} was made by an older StationDesk. Upgrade it now? A backup copy of the file is made first.</source>
        <translation>The database in {file} was made by an older StationDesk. Upgrade it now? A backup copy of the file is made first.</translation>
    </message>
    <message>
        <source>The database {db} has no StationDesk schema yet or an older one. The administrator upgrades it with `stationdesk init` (all workstations closed).</source>
        <translation>The database {db} has no StationDesk schema yet or an older one. The administrator upgrades it with `stationdesk init` (all workstations closed).</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer StationDesk. Update this workstation before using it.</source>
        <translation>This database was upgraded by a newer StationDesk. Update this workstation before using it.</translation>
    </message>
    <message>
        <source>The database file is on a network share, where SQLite can lose data. Keep the file on a local disk, or use a PostgreSQL server for several workstations.</source>
        <translation>The database file is on a network share, where SQLite can lose data. Keep the file on a local disk, or use a PostgreSQL server for several workstations.</translation>
    </message>
    <message>
        <source>The database file cannot be written: the file or its folder is read-only. Ask the administrator to make them writable, or choose another file.</source>
        <translation>The database file cannot be written: the file or its folder is read-only. Ask the administrator to make them writable, or choose another file.</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>The database cannot be used.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Database settings…</source>
        <translation>Database settings…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The database has no user accounts yet.</source>
        <translation>The database has no user accounts yet.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Household visit targets</source>
        <translation>Household visit targets</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Visits per grid (station-wide)</source>
        <translation>Visits per grid (station-wide)</translation>
    </message>
    <message>
        <source>station-wide</source>
        <translation>station-wide</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>Targets…</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>Progress per grid</source>
        <translation>Progress per grid</translation>
    </message>
    <message>
        <source>Progress per officer</source>
        <translation>Progress per officer</translation>
    </message>
    <message>
        <source>Visits in this period</source>
        <translation>Visits in this period</translation>
    </message>
    <message>
        <source>Log a household visit</source>
        <translation>Log a household visit</translation>
    </message>
    <message>
        <source>e.g. the Wang family</source>
        <translation>e.g. the Wang family</translation>
    </message>
    <message>
        <source>Fraud prevention advice</source>
        <translation>Fraud prevention advice</translation>
    </message>
    <message>
        <source>Check on elderly residents living alone</source>
        <translation>Check on elderly residents living alone</translation>
    </message>
    <message>
        <source>Verify resident registration</source>
        <translation>Verify resident registration</translation>
    </message>
    <message>
        <source>Look for brewing disputes</source>
        <translation>Look for brewing disputes</translation>
    </message>
    <message>
        <source>Hand out safety leaflets</source>
        <translation>Hand out safety leaflets</translation>
    </message>
    <message>
        <source>Register rented housing</source>
        <translation>Register rented housing</translation>
    </message>
    <message>
        <source>Follow-up after mediation</source>
        <translation>Follow-up after mediation</translation>
    </message>
    <message>
        <source>Log visit</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <source>Visited at</source>
        <translation>Visited at</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Behind: %1 of the period has passed</source>
        <translation>Behind: %1 of the period has passed</translation>
    </message>
    <message>
        <source>%1 of %2 visits done (target period: %3)</source>
        <translation>%1 of %2 visits done (target period: %3)</translation>
    </message>
    <message>
        <source>Visit to %1 logged.</source>
        <translation>Visit to %1 logged.</translation>
    </message>
    <message>
        <source>Your role may not log community work.</source>
        <translation>Your role may not log community work.</translation>
    </message>
    <message>
        <source>The visit could not be saved: %1</source>
        <translation>The visit could not be saved: %1</translation>
    </message>
    <message>
        <source>Offline: the database cannot be reached.</source>
        <translation>Offline: the database cannot be reached.</translation>
    </message>
    <message>
        <source>Not known yet whether the last save went through; StationDesk checks when the connection is back.</source>
        <translation>Not known yet whether the last save went through; StationDesk checks when the connection is back.</translation>
    </message>
    <message>
        <source>The targets were not saved: %1</source>
        <translation>The targets were not saved: %1</translation>
    </message>
</context>
<context>
    <name>VolunteersTab</name>
    <message>
        <source>Show phone numbers</source>
        <translation>Show phone numbers</translation>
    </message>
    <message>
        <source>Shown in full for this screen only; the reading is recorded in the audit.</source>
        <translation>Shown in full for this screen only; the reading is recorded in the audit.</translation>
    </message>
    <message>
        <source>Your role may not see personal data in full.</source>
        <translation>Your role may not see personal data in full.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Patrolled</source>
        <translation>Patrolled</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>Patrols</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Patrols joined</source>
        <translation>Patrols joined</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Last patrol</source>
        <translation>Last patrol</translation>
    </message>
    <message>
        <source>Patrols of the selected volunteer</source>
        <translation>Patrols of the selected volunteer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(no group)</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s)</source>
        <translation>
            <numerusform>%n volunteer</numerusform>
            <numerusform>%n volunteers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 hours on completed patrols</source>
        <translation>%1 hours on completed patrols</translation>
    </message>
    <message>
        <source>%1 (left)</source>
        <translation>%1 (left)</translation>
    </message>
</context>
<context>
    <name>WallBoard</name>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Patrols and mediators</source>
        <translation>Patrols and mediators</translation>
    </message>
    <message>
        <source>Mediation results</source>
        <translation>Mediation results</translation>
    </message>
    <message>
        <source>StationDesk wall-board</source>
        <translation>StationDesk wall-board</translation>
    </message>
    <message>
        <source>Esc: leave the wall-board</source>
        <translation>Esc: leave the wall-board</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Offline: figures may be out of date</source>
        <translation>Offline: figures may be out of date</translation>
    </message>
    <message>
        <source>&amp;Wall-board (full screen)</source>
        <translation>&amp;Wall-board (full screen)</translation>
    </message>
</context>
<context>
    <name>WeekBoard</name>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Rows: grids</source>
        <translation>Rows: grids</translation>
    </message>
    <message>
        <source>Rows: people</source>
        <translation>Rows: people</translation>
    </message>
    <message>
        <source>Generate from template…</source>
        <translation>Generate from template…</translation>
    </message>
    <message>
        <source>Roster rules…</source>
        <translation>Roster rules…</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation>Mark missed</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>Find a person…</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Staff (drag onto the board)</source>
        <translation>Staff (drag onto the board)</translation>
    </message>
    <message>
        <source>Leave…</source>
        <translation>Leave…</translation>
    </message>
    <message>
        <source>Leave periods of the selected person</source>
        <translation>Leave periods of the selected person</translation>
    </message>
    <message>
        <source>Week board</source>
        <translation>Week board</translation>
    </message>
    <message>
        <source>Red: double booking or leave · amber: rule warning · orange: check-in overdue · green text: on patrol · Space/Enter: move by keyboard</source>
        <translation>Red: double booking or leave · amber: rule warning · orange: check-in overdue · green text: on patrol · Space/Enter: move by keyboard</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Week of %1</translation>
    </message>
    <message>
        <source>(on leave)</source>
        <translation>(on leave)</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>until further notice</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) this week</source>
        <translation>
            <numerusform>%n problem this week</numerusform>
            <numerusform>%n problems this week</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems this week</source>
        <translation>No problems this week</translation>
    </message>
    <message>
        <source>The board is still loading.</source>
        <translation>The board is still loading.</translation>
    </message>
    <message>
        <source>No shift on route %1 in that slot.</source>
        <translation>No shift on route %1 in that slot.</translation>
    </message>
    <message>
        <source>No shift there that this person is not already on.</source>
        <translation>No shift there that this person is not already on.</translation>
    </message>
    <message>
        <source>That shift is over; its crew cannot change.</source>
        <translation>That shift is over; its crew cannot change.</translation>
    </message>
    <message>
        <source>%1 assigned to %2.</source>
        <translation>%1 assigned to %2.</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>%1 moved to %2.</translation>
    </message>
    <message>
        <source>Select a person's shift in the people view to remove them.</source>
        <translation>Select a person's shift in the people view to remove them.</translation>
    </message>
    <message>
        <source>%1 taken off %2.</source>
        <translation>%1 taken off %2.</translation>
    </message>
    <message>
        <source>Select a person in the staff list or a person's shift first.</source>
        <translation>Select a person in the staff list or a person's shift first.</translation>
    </message>
    <message>
        <source>Moving %1: choose a cell with the arrow keys and press Enter; Escape cancels.</source>
        <translation>Moving %1: choose a cell with the arrow keys and press Enter; Escape cancels.</translation>
    </message>
    <message>
        <source>%1 (%2): now %3.</source>
        <translation>%1 (%2): now %3.</translation>
    </message>
    <message>
        <source>Offline: the roster cannot be changed until the connection is back.</source>
        <translation>Offline: the roster cannot be changed until the connection is back.</translation>
    </message>
    <message>
        <source>Your role may not change patrols.</source>
        <translation>Your role may not change patrols.</translation>
    </message>
    <message>
        <source>Not known yet whether the previous change was saved; StationDesk checks when the connection is back.</source>
        <translation>Not known yet whether the previous change was saved; StationDesk checks when the connection is back.</translation>
    </message>
    <message>
        <source>Still saving the previous change.</source>
        <translation>Still saving the previous change.</translation>
    </message>
    <message>
        <source>Not saved: %1 is already on patrol %2 %3–%4. Nothing was changed.</source>
        <translation>Not saved: %1 is already on patrol %2 %3–%4. Nothing was changed.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>This shift was changed by another workstation; the board has been reloaded.</source>
        <translation>This shift was changed by another workstation; the board has been reloaded.</translation>
    </message>
    <message>
        <source>This shift was deleted by another workstation; the board has been reloaded.</source>
        <translation>This shift was deleted by another workstation; the board has been reloaded.</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
    <message>
        <source>this person is already on that shift.</source>
        <translation>this person is already on that shift.</translation>
    </message>
    <message>
        <source>this person is no longer on that shift (changed by another workstation).</source>
        <translation>this person is no longer on that shift (changed by another workstation).</translation>
    </message>
    <message>
        <source>that shift is over; its crew cannot change.</source>
        <translation>that shift is over; its crew cannot change.</translation>
    </message>
    <message>
        <source>Not possible for a shift that is %1.</source>
        <translation>Not possible for a shift that is %1.</translation>
    </message>
    <message>
        <source>Only an administrator changes the roster rules.</source>
        <translation>Only an administrator changes the roster rules.</translation>
    </message>
    <message>
        <source>New Year's Day</source>
        <translation>New Year's Day</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <source>Tomb-Sweeping Day</source>
        <translation>Tomb-Sweeping Day</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>National Day</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>another shift (%1)</source>
        <translation>another shift (%1)</translation>
    </message>
    <message>
        <source>Double booking: %1 is also on %2</source>
        <translation>Double booking: %1 is also on %2</translation>
    </message>
    <message>
        <source>%1 is on leave</source>
        <translation>%1 is on leave</translation>
    </message>
    <message>
        <source>%1 is on leave (%2: %3)</source>
        <translation>%1 is on leave (%2: %3)</translation>
    </message>
    <message>
        <source>%1 is on leave (%2)</source>
        <translation>%1 is on leave (%2)</translation>
    </message>
    <message>
        <source>Short rest: %1 has %2 h %3 min after %4 (at least %5 h)</source>
        <translation>Short rest: %1 has %2 h %3 min after %4 (at least %5 h)</translation>
    </message>
    <message>
        <source>Too many hours: %1 is rostered %2 h this week (at most %3 h)</source>
        <translation>Too many hours: %1 is rostered %2 h this week (at most %3 h)</translation>
    </message>
    <message>
        <source>Crew too small: %1 of at least %2</source>
        <translation>Crew too small: %1 of at least %2</translation>
    </message>
    <message>
        <source>No police officer in the crew</source>
        <translation>No police officer in the crew</translation>
    </message>
    <message>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <source>night</source>
        <translation>night</translation>
    </message>
    <message>
        <source>Coverage gap: no patrol in %1 on the %2 of %3</source>
        <translation>Coverage gap: no patrol in %1 on the %2 of %3</translation>
    </message>
    <message>
        <source>Check-in overdue: %1 should have checked in by %2</source>
        <translation>Check-in overdue: %1 should have checked in by %2</translation>
    </message>
    <message>
        <source>(no crew)</source>
        <translation>(no crew)</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Night</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>(holiday)</source>
        <translation>(holiday)</translation>
    </message>
    <message>
        <source>(workday)</source>
        <translation>(workday)</translation>
    </message>
    <message>
        <source>Public holiday: %1</source>
        <translation>Public holiday: %1</translation>
    </message>
    <message>
        <source>Weekend day worked in lieu of a public holiday</source>
        <translation>Weekend day worked in lieu of a public holiday</translation>
    </message>
</context>
</TS>