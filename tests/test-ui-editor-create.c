/* test-ui-editor-create.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A new contact and an opened one: the form, its defaults, its switch rows
 * and pickers from the keyboard, the contact to read, offline and missing. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-switch-row.h"
#include "rolo-test-editor.h"

/* --- finding the widgets a user would use --------------------------------- */

static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static RoloSwitchRow *
notify_switch (Fixture    *fixture,
               const char *api_field)
{
  return ROLO_SWITCH_ROW (field (fixture, api_field));
}

static void
choose_country (Fixture    *fixture,
                const char *search)
{
  GtkMenuButton *button = picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkWidget *entry = rolo_test_find_widget (popover, rolo_test_is_type_named, "GtkSearchEntry");

  gtk_menu_button_popup (button);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  /* Enter picks the first match; the filter is applied at once. */
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
}

static void
test_create (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(RoloContact) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const gint64 *tags;
  gsize n_tags = 0;
  Request *post;

  open_editor (fixture, 0);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "editing");
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (fixture->editor), ==,
                   "A name is required.");
  /* Not shown on the field before the user has been there. */
  g_assert_null (rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_NAME));
  screenshot (fixture, "new");

  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@example.com");
  type_text (fixture, ROLO_CONTACT_FIELD_MOBILE, "9876543210");
  choose_country (fixture, "+91");
  type_text (fixture, ROLO_CONTACT_FIELD_ADDRESS, "12 Park Street\nKolkata");
  type_text (fixture, ROLO_CONTACT_FIELD_TAX_NUMBER, "GST-123");
  type_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Prefers email.");
  /* Email only, as Preferences say by default: texting needs consent. */
  g_assert_true (rolo_switch_row_get_active (notify_switch (fixture,
                                                            ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_SMS_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY)));
  rolo_switch_row_set_active (notify_switch (fixture, ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY), TRUE);
  add_tag (fixture, "12");
  add_tag (fixture, "3");
  g_assert_true (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_true (can_save (fixture));
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (fixture->editor), ==, "");

  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  g_assert_true (fixture->created);
  g_assert_cmpint (rolo_contact_get_id (fixture->saved), >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));

  /* The POST used the documented names. */
  post = last_request (fixture, "POST");
  g_assert_nonnull (post);
  bytes = g_bytes_new (post->body, strlen (post->body));
  body = rolo_test_parse_object (bytes);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, "Sarah Johnson");
  g_assert_true (json_object_has_member (body, "cst_tag_id"));
  /* Said, not left to the server's default (all on). */
  g_assert_true (json_object_get_boolean_member (body, "cstemailnotify"));
  g_assert_false (json_object_get_boolean_member (body, "cstsmsnotify"));
  g_assert_true (json_object_get_boolean_member (body, "cst_whatsapp_notify"));

  back = rolo_test_client_get (fixture->client, rolo_contact_get_id (fixture->saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (back), ==, "Sarah Johnson");
  g_assert_cmpstr (rolo_contact_get_email (back), ==, "sarah@example.com");
  g_assert_cmpstr (rolo_contact_get_mobile (back), ==, "9876543210");
  g_assert_cmpint (rolo_contact_get_mobile_country_id (back), ==, 101);
  g_assert_cmpstr (rolo_contact_get_address (back), ==, "12 Park Street\nKolkata");
  g_assert_cmpstr (rolo_contact_get_tax_number (back), ==, "GST-123");
  g_assert_cmpstr (rolo_contact_get_notes (back), ==, "Prefers email.");
  g_assert_true (rolo_contact_get_email_notify (back));
  g_assert_false (rolo_contact_get_sms_notify (back));
  g_assert_true (rolo_contact_get_whatsapp_notify (back));
  g_assert_cmpint (rolo_contact_get_contact_type (back), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  tags = rolo_contact_get_tag_ids (back, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpint (tags[0], ==, 3);
  g_assert_cmpint (tags[1], ==, 12);
}

/* The defaults are a preference: what it says is what a new contact shows
 * and what is sent, and an existing contact is never touched by it. */
static void
test_notify_defaults (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Request *post;

  g_settings_set_boolean (settings, "new-contact-email-notify", FALSE);
  g_settings_set_boolean (settings, "new-contact-sms-notify", TRUE);
  g_settings_set_boolean (settings, "new-contact-whatsapp-notify", FALSE);

  open_editor (fixture, 0);
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_assert_true (rolo_switch_row_get_active (notify_switch (fixture,
                                                            ROLO_CONTACT_FIELD_SMS_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY)));
  /* The defaults are not a change the user made. */
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));

  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Khalid");
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  post = last_request (fixture, "POST");
  bytes = g_bytes_new (post->body, strlen (post->body));
  body = rolo_test_parse_object (bytes);
  g_assert_false (json_object_get_boolean_member (body, "cstemailnotify"));
  g_assert_true (json_object_get_boolean_member (body, "cstsmsnotify"));
  g_assert_false (json_object_get_boolean_member (body, "cst_whatsapp_notify"));
  close_editor (fixture);

  /* An existing contact shows its own. */
  open_editor (fixture, rolo_contact_get_id (fixture->saved));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_settings_set_boolean (settings, "new-contact-email-notify", TRUE);
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));

  g_settings_reset (settings, "new-contact-email-notify");
  g_settings_reset (settings, "new-contact-sms-notify");
  g_settings_reset (settings, "new-contact-whatsapp-notify");
}

static gboolean
switch_row_on (gpointer user_data)
{
  return rolo_switch_row_get_active (user_data);
}

static gboolean
popover_gone (gpointer user_data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (user_data));
}

static gboolean
popover_shown (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

/* @widget whole inside the editor, the form scrolled to it as focus
 * would; waits for it (a slow build lays out late). */
static gboolean
on_screen (gpointer user_data)
{
  GtkWidget *widget = user_data;
  GtkWidget *editor = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, editor, &bounds))
    return FALSE;
  if (bounds.origin.y >= 0 &&
      bounds.origin.y + bounds.size.height <= gtk_widget_get_height (editor))
    return TRUE;
  if (gtk_widget_compute_bounds (widget, content, &bounds))
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 24);
  return FALSE;
}

/* After a pick, or Escape, the keyboard is back on the picker's button,
 * not nowhere: Tab goes on from there. */
static void
test_picker_focus (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char * const pickers[] = {
    ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, ROLO_CONTACT_FIELD_PARENT,
  };

  open_editor (fixture, 0);
  for (guint i = 0; i < G_N_ELEMENTS (pickers); i++)
    {
      GtkMenuButton *button = picker_button (fixture, pickers[i]);
      GtkPopover *popover = gtk_menu_button_get_popover (button);
      GtkWidget *focus;

      /* As Tab gets there: the form scrolls to it. */
      gtk_widget_grab_focus (GTK_WIDGET (button));
      rolo_test_wait_until (on_screen, button, TIMEOUT_MS);
      rolo_test_iterate_for (100);
      gtk_menu_button_popup (button);
      rolo_test_wait_until (popover_shown, popover, TIMEOUT_MS);
      /* Escape, as the popover's own key handling does. */
      gtk_popover_popdown (popover);
      rolo_test_wait_until (popover_gone, popover, TIMEOUT_MS);
      rolo_test_iterate_for (50);
      focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
      g_assert_nonnull (focus);
      g_assert_true (focus == GTK_WIDGET (button) ||
                     gtk_widget_is_ancestor (focus, GTK_WIDGET (button)));
    }

  /* Picking with the keyboard from inside the list (Down, then Enter). */
  {
    GtkMenuButton *button = picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID);
    GtkPopover *popover = gtk_menu_button_get_popover (button);
    GtkWidget *list = rolo_test_find_widget (GTK_WIDGET (popover), rolo_test_is_type_named,
                                             "GtkListView");
    GtkWidget *focus;

    gtk_widget_grab_focus (GTK_WIDGET (button));
    rolo_test_wait_until (on_screen, button, TIMEOUT_MS);
    gtk_menu_button_popup (button);
    rolo_test_wait_until (popover_shown, popover, TIMEOUT_MS);
    g_assert_true (gtk_widget_child_focus (list, GTK_DIR_DOWN) || gtk_widget_grab_focus (list));
    rolo_test_iterate_for (50);
    g_signal_emit_by_name (list, "activate", 2);
    rolo_test_wait_until (popover_gone, popover, TIMEOUT_MS);
    rolo_test_iterate_for (50);
    focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (button) ||
                   gtk_widget_is_ancestor (focus, GTK_WIDGET (button)));
  }

  /* Picking from the search. */
  gtk_widget_grab_focus (field (fixture, ROLO_CONTACT_FIELD_NAME));
  rolo_test_wait_until (on_screen, picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID),
                        TIMEOUT_MS);
  choose_country (fixture, "+44");
  rolo_test_wait_until (popover_gone,
                        gtk_menu_button_get_popover (picker_button (
                          fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID)),
                        TIMEOUT_MS);
  rolo_test_iterate_for (50);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->editor)) ==
                 GTK_WIDGET (picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID)) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->editor)),
                                         GTK_WIDGET (picker_button (
                                           fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID))));

}

/* A switch row is one keyboard stop: the row, named, with its state. */
static void
test_switch_rows (Fixture       *fixture,
                  gconstpointer  user_data)
{
  RoloSwitchRow *sms;

  open_editor (fixture, 0);
  sms = notify_switch (fixture, ROLO_CONTACT_FIELD_SMS_NOTIFY);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (sms)));
  for (GtkWidget *child = rolo_test_find_widget (GTK_WIDGET (sms), rolo_test_is_type_named,
                                                 "GtkSwitch");
       child != NULL; child = NULL)
    g_assert_false (gtk_widget_get_can_focus (child));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (sms)), ==,
                   GTK_ACCESSIBLE_ROLE_SWITCH);
  gtk_test_accessible_assert_property (sms, GTK_ACCESSIBLE_PROPERTY_LABEL, "SMS notifications");
  gtk_test_accessible_assert_state (sms, GTK_ACCESSIBLE_STATE_CHECKED, FALSE);

  /* Space or Enter on the focused row flips it. */
  gtk_widget_grab_focus (GTK_WIDGET (sms));
  g_signal_emit_by_name (sms, "activate");
  /* The switch slides over first. */
  rolo_test_wait_until (switch_row_on, sms, TIMEOUT_MS);
  gtk_test_accessible_assert_state (sms, GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  g_assert_true (rolo_contact_get_sms_notify (rolo_contact_editor_get_contact (fixture->editor)));
}

static gboolean
parent_named_in_details (gpointer user_data)
{
  return g_strcmp0 (rolo_contact_details_get_value (user_data, "Parent Business"),
                    "Acme Trading") == 0;
}

/* Opening a contact shows it to read, with Edit; editing starts with the
 * cursor after the name. */
static void
test_open (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 business_id = create_on_server (fixture, "Acme Trading", ROLO_CONTACT_TYPE_BUSINESS);
  const gint64 tags[] = { 7 };
  RoloContactDetails *details;
  GtkWidget *name;
  gint64 id;

  rolo_contact_set_name (contact, "ليلى حداد");
  rolo_contact_set_email (contact, "layla@example.com");
  rolo_contact_set_mobile (contact, "501234567");
  rolo_contact_set_mobile_country_id (contact, 101);
  rolo_contact_set_notes (contact, "Met at the fair.");
  rolo_contact_set_address (contact, "69 Station Road, Leeds");
  rolo_contact_set_whatsapp_notify (contact, FALSE);
  rolo_contact_set_parent_id (contact, business_id);
  rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);

  open_viewer (fixture, id);
  /* First to read: every field under its name, nothing to type into. */
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "viewing");
  details = rolo_contact_editor_get_details (fixture->editor);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (details)));
  g_assert_false (gtk_widget_is_drawable (field (fixture, ROLO_CONTACT_FIELD_NAME)));
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Email"), ==, "layla@example.com");
  /* Isolated (LRI … PDI) so that a right-to-left window keeps "+91" first. */
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Mobile"), ==,
                   "\u2066+91 501234567\u2069");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notes"), ==, "Met at the fair.");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notifications"), ==, "Email, SMS");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Tags"), ==, "\u2068#7\u2069");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Tax Number"), ==, "");
  rolo_test_wait_until (parent_named_in_details, details, TIMEOUT_MS);
  g_assert_true (rolo_test_find_widget (GTK_WIDGET (details), is_label_text, "ليلى حداد") != NULL);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->editor)) ==
                 rolo_test_find_widget (GTK_WIDGET (fixture->editor), rolo_test_is_button_for,
                                        "editor.edit"));
  g_assert_null (rolo_test_find_widget (GTK_WIDGET (fixture->editor),
                                        rolo_test_is_shown_button_for, "editor.save"));
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  screenshot (fixture, "view");

  /* Ctrl+E edits; Enter too, but only while reading. */
  g_assert_true (press_shortcut (fixture, GDK_KEY_e, GDK_CONTROL_MASK));
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "editing");
  /* (Once editing, GTK passes the keys on: the action is off.) */
  press_shortcut (fixture, GDK_KEY_Return, 0);
  press_shortcut (fixture, GDK_KEY_e, GDK_CONTROL_MASK);

  /* The cursor after the name, nothing selected: a key typed adds to it
   * rather than replacing the whole name. */
  name = field (fixture, ROLO_CONTACT_FIELD_NAME);
  g_assert_true (gtk_widget_has_focus (gtk_window_get_focus (GTK_WINDOW (fixture->editor))));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->editor)),
                                         name));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (name), NULL, NULL));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (name)), ==,
                   g_utf8_strlen ("ليلى حداد", -1));
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "editing");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "ليلى حداد");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "layla@example.com");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_MOBILE, "501234567");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Met at the fair.");
  g_assert_cmpstr (gtk_menu_button_get_label (picker_button (fixture,
                                                            ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID)),
                   ==, "IN +91");
  g_assert_true (rolo_switch_row_get_active (notify_switch (fixture,
                                                            ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                       ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY)));
  g_assert_cmpint (rolo_contact_get_parent_id (rolo_contact_editor_get_contact (fixture->editor)),
                   ==, business_id);
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (fixture->editor), ==, "Nothing changed");
  screenshot (fixture, "existing");
  if (g_getenv ("ROLO_SCREENSHOT_DIR") != NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (field (fixture, ROLO_CONTACT_FIELD_NAME),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      screenshot (fixture, "existing-bottom");
    }
}

static gboolean
retry_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_test_find_widget (GTK_WIDGET (fixture->editor), rolo_test_is_shown_button_for,
                                "editor.reload") != NULL;
}

static gboolean
offline_notice_gone (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *label = rolo_test_find_widget (GTK_WIDGET (fixture->editor), is_label_containing,
                                            "what the list has");

  return !gtk_widget_is_drawable (label);
}

/* Offline, a contact the list has loaded opens on what the list knows, says
 * what failed and offers Retry; Edit waits for the whole contact. */
static void
test_open_known_offline (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(RoloContact) known = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  RoloContactDetails *details;
  GtkWidget *status;
  guint16 port;
  gint64 id;

  rolo_contact_set_name (contact, "Omar Khalil");
  rolo_contact_set_email (contact, "omar@example.com");
  rolo_contact_set_notes (contact, "Prefers mornings.");
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);
  /* A list row: these fields only. */
  rolo_contact_set_id (known, id);
  rolo_contact_set_name (known, "Omar Khalil");
  rolo_contact_set_email (known, "omar@example.com");

  port = rolo_sandbox_get_port (fixture->sandbox);
  rolo_sandbox_stop (fixture->sandbox);
  open_viewer_known (fixture, id, known);

  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "error");
  details = rolo_contact_editor_get_details (fixture->editor);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (details)));
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Email"), ==, "omar@example.com");
  g_assert_true (rolo_test_find_widget (GTK_WIDGET (details), is_label_text,
                                        "Omar Khalil") != NULL);
  /* Not the full-window error page. */
  status = rolo_test_find_widget (GTK_WIDGET (fixture->editor), rolo_test_is_type_named,
                                  "AdwStatusPage");
  for (; status != NULL; status = gtk_widget_get_next_sibling (status))
    g_assert_false (ADW_IS_STATUS_PAGE (status) && gtk_widget_is_drawable (status));
  rolo_test_wait_until (retry_shown, fixture, TIMEOUT_MS);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->editor)) ==
                 rolo_test_find_widget (GTK_WIDGET (fixture->editor),
                                        rolo_test_is_shown_button_for, "editor.reload"));
  /* A list row does not say which notifications are on: none shown. */
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notifications"), ==, "");
  g_assert_true (rolo_test_find_widget (GTK_WIDGET (fixture->editor), is_label_containing,
                                        "what the list has") != NULL);
  /* Nothing to edit from yet. */
  g_assert_false (gtk_widget_is_sensitive (rolo_test_find_widget (GTK_WIDGET (fixture->editor),
                                                                  rolo_test_is_button_for,
                                                                  "editor.edit")));
  screenshot (fixture, "view-offline");

  /* Back online: Retry brings the rest, and Enter edits. */
  rolo_sandbox_listen (fixture->sandbox, port, &error);
  g_assert_no_error (error);
  activate (fixture, "editor.reload");
  wait_settled (fixture);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "viewing");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notes"), ==, "Prefers mornings.");
  rolo_test_wait_until (offline_notice_gone, fixture, TIMEOUT_MS);
  /* (A button that Enter activates clicks a moment later.) */
  press_shortcut (fixture, GDK_KEY_Return, 0);
  rolo_test_wait_until (editing, fixture, TIMEOUT_MS);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Prefers mornings.");
}

static void
test_load_error (Fixture       *fixture,
                 gconstpointer  user_data)
{
  open_editor (fixture, 987654);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "error");
  g_assert_true (gtk_widget_is_visible (editor_button (fixture, "editor.reload")));
  g_assert_false (can_save (fixture));
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_editor_init (&argc, &argv);

  ROLO_TEST_ADD_EDITOR ("/ui/editor/create", 0, test_create);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/create/notify-defaults", 0, test_notify_defaults);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/switch-rows", 0, test_switch_rows);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/keyboard/picker-focus", 0, test_picker_focus);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/open", 0, test_open);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/open/known-offline", 0, test_open_known_offline);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/load-error", 0, test_load_error);

  return g_test_run ();
}
