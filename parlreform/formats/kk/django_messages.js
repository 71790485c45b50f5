// Django's own Kazakh JavaScript catalogue for the admin (django/contrib/admin/locale/kk/LC_MESSAGES/djangojs.po)
// leaves most of these messages in English and translates a few of them badly: the project's catalogue gives them.
//
// This file is never served or executed. It only lists the Django admin's JavaScript messages, by exactly the
// msgids (and contexts) the admin's scripts look up, so that `makemessages -d djangojs` puts them into the
// project's catalogues (parlreform/locale/<language>/LC_MESSAGES/djangojs.po), which take precedence over
// Django's own and where the Kazakh translations are supplied. The Russian entries are copied from Django's
// Russian catalogue, so Russian pages do not change. Messages Django already translates well into Kazakh are
// left to Django.

// SelectFilter2.js
gettext("Available %s");  // Django's Kazakh translation is replaced
gettext("Choose %s by selecting them and then select the \"Choose\" arrow button.");
gettext("Type into this box to filter down the list of available %s.");
gettext("Filter");  // Django's Kazakh translation is replaced
gettext("Choose all %s");
gettext("Choose selected %s");
gettext("Remove selected %s");
gettext("Chosen %s");
gettext("Remove %s by selecting them and then select the \"Remove\" arrow button.");
gettext("Type into this box to filter down the list of selected %s.");
gettext("(click to clear)");
gettext("Remove all %s");
ngettext("%s selected option not visible", "%s selected options not visible", 1);

// actions.js
ngettext("%(sel)s of %(cnt)s selected", "%(sel)s of %(cnt)s selected", 1);  // Django's Kazakh translation is replaced
gettext("You have unsaved changes on individual editable fields. If you run an action, your unsaved changes will be lost.");  // Django's Kazakh translation is replaced
gettext("You have selected an action, but you haven’t saved your changes to individual fields yet. Please click OK to save. You’ll need to re-run the action.");
gettext("You have selected an action, and you haven’t made any changes on individual fields. You’re probably looking for the Go button rather than the Save button.");

// admin/DateTimeShortcuts.js
gettext("6 a.m.");  // Django's Kazakh translation is replaced
gettext("6 p.m.");
ngettext("Note: You are %s hour ahead of server time.", "Note: You are %s hours ahead of server time.", 1);
ngettext("Note: You are %s hour behind server time.", "Note: You are %s hours behind server time.", 1);
gettext("Choose a Time");
gettext("Choose a time");  // Django's Kazakh translation is replaced
gettext("Choose a Date");

// calendar.js
gettext("January");
gettext("February");
gettext("March");
gettext("April");
gettext("May");
gettext("June");
gettext("July");
gettext("August");
gettext("September");
gettext("October");
gettext("November");
gettext("December");
pgettext("abbrev. month January", "Jan");
pgettext("abbrev. month February", "Feb");
pgettext("abbrev. month March", "Mar");
pgettext("abbrev. month April", "Apr");
pgettext("abbrev. month May", "May");
pgettext("abbrev. month June", "Jun");
pgettext("abbrev. month July", "Jul");
pgettext("abbrev. month August", "Aug");
pgettext("abbrev. month September", "Sep");
pgettext("abbrev. month October", "Oct");
pgettext("abbrev. month November", "Nov");
pgettext("abbrev. month December", "Dec");
gettext("Sunday");
gettext("Monday");
gettext("Tuesday");
gettext("Wednesday");
gettext("Thursday");
gettext("Friday");
gettext("Saturday");
pgettext("abbrev. day Sunday", "Sun");
pgettext("abbrev. day Monday", "Mon");
pgettext("abbrev. day Tuesday", "Tue");
pgettext("abbrev. day Wednesday", "Wed");
pgettext("abbrev. day Thursday", "Thur");
pgettext("abbrev. day Friday", "Fri");
pgettext("abbrev. day Saturday", "Sat");
pgettext("one letter Sunday", "S");
pgettext("one letter Monday", "M");
pgettext("one letter Tuesday", "T");
pgettext("one letter Wednesday", "W");
pgettext("one letter Thursday", "T");
pgettext("one letter Friday", "F");
pgettext("one letter Saturday", "S");
