/* test-validation.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-contact-validation.h"

/* Two bytes per letter in UTF-8. */
#define ARABIC_LETTER "س"

static char *
repeat (const char *unit,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);

  return g_string_free (text, FALSE);
}

static void
assert_valid (char *message)
{
  g_autofree char *owned = message;

  g_assert_null (owned);
}

static void
assert_invalid (char *message)
{
  g_autofree char *owned = message;

  g_assert_nonnull (owned);
  g_assert_cmpstr (owned, !=, "");
}

static void
test_name_required (void)
{
  assert_invalid (rolo_contact_check_name (NULL));
  assert_invalid (rolo_contact_check_name (""));
  assert_invalid (rolo_contact_check_name ("   \t\n"));
  assert_valid (rolo_contact_check_name (" a "));
}

/* 100 Arabic letters are 200 bytes and still fine; 101 are not. */
static void
test_name_length_arabic (void)
{
  g_autofree char *hundred = repeat (ARABIC_LETTER, 100);
  g_autofree char *hundred_one = repeat (ARABIC_LETTER, 101);
  g_autofree char *padded = g_strconcat ("  ", hundred, "  ", NULL);

  g_assert_cmpuint (strlen (hundred), ==, 200);
  assert_valid (rolo_contact_check_name (hundred));
  assert_invalid (rolo_contact_check_name (hundred_one));
  /* Counted after trimming, as the server trims. */
  assert_valid (rolo_contact_check_name (padded));
}

static void
test_name_length_latin (void)
{
  g_autofree char *hundred = repeat ("a", 100);
  g_autofree char *hundred_one = repeat ("a", 101);

  assert_valid (rolo_contact_check_name (hundred));
  assert_invalid (rolo_contact_check_name (hundred_one));
}

static void
test_name_invalid_utf8 (void)
{
  assert_invalid (rolo_contact_check_name ("abc\xff"));
}

static void
test_email_shapes (void)
{
  const char *valid[] = {
    "", "a@b.co", "first.last@example.com", "x+tag@mail.example.org", "سارة@example.com",
  };
  const char *invalid[] = {
    "plain", "@example.com", "a@", "a@b", "a@@b.com", "a@b@c.com", "a@.com", "a@com.",
    "a b@example.com", "a@exa mple.com", " a@example.com", "a@example.com ", "a@b.c\t",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("valid: '%s'", valid[i]);
      g_assert_true (rolo_contact_email_is_valid (valid[i]));
      assert_valid (rolo_contact_check_email (valid[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid: '%s'", invalid[i]);
      g_assert_false (rolo_contact_email_is_valid (invalid[i]));
      assert_invalid (rolo_contact_check_email (invalid[i]));
    }
}

static void
test_lengths (void)
{
  g_autofree char *address_ok = repeat (ARABIC_LETTER, 255);
  g_autofree char *address_long = repeat (ARABIC_LETTER, 256);
  g_autofree char *tax_ok = repeat ("9", 50);
  g_autofree char *tax_long = repeat ("9", 51);
  g_autofree char *notes_ok = repeat (ARABIC_LETTER, 2000);
  g_autofree char *notes_long = repeat (ARABIC_LETTER, 2001);

  assert_valid (rolo_contact_check_address (""));
  assert_valid (rolo_contact_check_address (address_ok));
  assert_invalid (rolo_contact_check_address (address_long));
  assert_valid (rolo_contact_check_tax_number (tax_ok));
  assert_invalid (rolo_contact_check_tax_number (tax_long));
  assert_valid (rolo_contact_check_notes (notes_ok));
  assert_invalid (rolo_contact_check_notes (notes_long));
}

static void
test_contact_type (void)
{
  assert_valid (rolo_contact_check_contact_type (ROLO_CONTACT_TYPE_INDIVIDUAL));
  assert_valid (rolo_contact_check_contact_type (ROLO_CONTACT_TYPE_BUSINESS));
  assert_invalid (rolo_contact_check_contact_type (ROLO_CONTACT_TYPE_ANY));
  assert_invalid (rolo_contact_check_contact_type ((RoloContactType) 3));
}

static void
test_parent (void)
{
  assert_valid (rolo_contact_check_parent (ROLO_CONTACT_TYPE_INDIVIDUAL, 0, 0));
  assert_valid (rolo_contact_check_parent (ROLO_CONTACT_TYPE_BUSINESS, 4, 0));
  assert_valid (rolo_contact_check_parent (ROLO_CONTACT_TYPE_INDIVIDUAL, 0, 9));
  assert_valid (rolo_contact_check_parent (ROLO_CONTACT_TYPE_INDIVIDUAL, 4, 9));
  assert_invalid (rolo_contact_check_parent (ROLO_CONTACT_TYPE_BUSINESS, 4, 9));
  assert_invalid (rolo_contact_check_parent (ROLO_CONTACT_TYPE_INDIVIDUAL, 9, 9));
  assert_invalid (rolo_contact_check_parent (ROLO_CONTACT_TYPE_INDIVIDUAL, 4, -1));
}

static void
test_validate_valid (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();

  rolo_contact_set_name (contact, "Sarah");
  g_assert_null (rolo_contact_validate (contact));
}

static void
test_validate_collects_fields (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *long_notes = repeat ("n", 2001);
  const char * const *messages;

  rolo_contact_set_name (contact, " ");
  rolo_contact_set_email (contact, "nope");
  rolo_contact_set_notes (contact, long_notes);
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_parent_id (contact, 3);

  errors = rolo_contact_validate (contact);
  g_assert_nonnull (errors);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 4);
  messages = g_hash_table_lookup (errors, ROLO_CONTACT_FIELD_NAME);
  g_assert_nonnull (messages);
  g_assert_nonnull (messages[0]);
  g_assert_null (messages[1]);
  g_assert_true (g_hash_table_contains (errors, ROLO_CONTACT_FIELD_EMAIL));
  g_assert_true (g_hash_table_contains (errors, ROLO_CONTACT_FIELD_NOTES));
  g_assert_true (g_hash_table_contains (errors, ROLO_CONTACT_FIELD_PARENT));
  g_assert_false (g_hash_table_contains (errors, ROLO_CONTACT_FIELD_CONTACT_TYPE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/validation/name/required", test_name_required);
  g_test_add_func ("/client/validation/name/length-arabic", test_name_length_arabic);
  g_test_add_func ("/client/validation/name/length-latin", test_name_length_latin);
  g_test_add_func ("/client/validation/name/invalid-utf8", test_name_invalid_utf8);
  g_test_add_func ("/client/validation/email/shapes", test_email_shapes);
  g_test_add_func ("/client/validation/lengths", test_lengths);
  g_test_add_func ("/client/validation/contact-type", test_contact_type);
  g_test_add_func ("/client/validation/parent", test_parent);
  g_test_add_func ("/client/validation/contact/valid", test_validate_valid);
  g_test_add_func ("/client/validation/contact/collects-fields", test_validate_collects_fields);

  return g_test_run ();
}
