/* rolo-contact-match.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-contact-match.h"

/* The server's largest page: one request finds the contact among all but
 * the commonest names. */
#define SEARCH_PAGE_SIZE 100
/* A search matching more than this many contacts is read no further. */
#define SEARCH_MAX_PAGES 3

/* Trimmed, inner runs of white space as one space; invalid UTF-8 made
 * valid first. */
static char *
collapse_space (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* NFKC, case folded, then collapse_space() (NFKC turns some spaces, such as
 * the ideographic one, into plain ones). Invalid UTF-8 is "". */
static char *
fold_text (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1,
                                                  G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;

  if (normalized == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normalized, -1);
  return collapse_space (folded);
}

/* Every decimal digit, whatever its script ("٠٥٠" is "050"), as ASCII. */
static char *
mobile_digits (const char *mobile)
{
  GString *out = g_string_new (NULL);

  if (mobile == NULL)
    mobile = "";
  if (!g_utf8_validate (mobile, -1, NULL))
    {
      for (const char *p = mobile; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (out, *p);
      return g_string_free (out, FALSE);
    }

  for (const char *p = mobile; *p != '\0'; p = g_utf8_next_char (p))
    {
      int digit = g_unichar_digit_value (g_utf8_get_char (p));

      if (digit >= 0)
        g_string_append_c (out, (char) ('0' + digit));
    }
  return g_string_free (out, FALSE);
}

char *
rolo_contact_match_email_key (RoloContact *contact)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (contact), NULL);

  return fold_text (rolo_contact_get_email (contact));
}

/* The name, a unit separator (U+001F, which no folded name holds), the
 * mobile's digits. */
char *
rolo_contact_match_name_mobile_key (RoloContact *contact)
{
  g_autofree char *name = NULL;
  g_autofree char *digits = NULL;

  g_return_val_if_fail (ROLO_IS_CONTACT (contact), NULL);

  name = fold_text (rolo_contact_get_name (contact));
  digits = mobile_digits (rolo_contact_get_mobile (contact));
  return g_strconcat (name, "\x1f", digits, NULL);
}

RoloContactMatch
rolo_contact_match (RoloContact *candidate,
                    RoloContact *existing)
{
  g_autofree char *email_a = NULL;
  g_autofree char *email_b = NULL;
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  g_autofree char *mobile_a = NULL;
  g_autofree char *mobile_b = NULL;

  g_return_val_if_fail (ROLO_IS_CONTACT (candidate), ROLO_CONTACT_MATCH_NONE);
  g_return_val_if_fail (ROLO_IS_CONTACT (existing), ROLO_CONTACT_MATCH_NONE);

  email_a = rolo_contact_match_email_key (candidate);
  email_b = rolo_contact_match_email_key (existing);
  if (*email_a != '\0' && g_str_equal (email_a, email_b))
    return ROLO_CONTACT_MATCH_EMAIL;

  name_a = fold_text (rolo_contact_get_name (candidate));
  name_b = fold_text (rolo_contact_get_name (existing));
  if (*name_a == '\0' || !g_str_equal (name_a, name_b))
    return ROLO_CONTACT_MATCH_NONE;

  mobile_a = mobile_digits (rolo_contact_get_mobile (candidate));
  mobile_b = mobile_digits (rolo_contact_get_mobile (existing));
  if (g_str_equal (mobile_a, mobile_b) && (*email_a == '\0' || *email_b == '\0'))
    return ROLO_CONTACT_MATCH_NAME_AND_MOBILE;
  return ROLO_CONTACT_MATCH_NAME;
}

/* ---- asking the server ---- */

/*
 * Two searches at most, each read page by page (up to SEARCH_MAX_PAGES):
 * by the email, which alone can give EMAIL, then by the name, which can give
 * NAME_AND_MOBILE or NAME. A search stops once nothing it can still find
 * would be better, the name search is skipped once the email matched, and
 * list rows suffice: they carry the name, email and mobile (API.md).
 */

typedef enum
{
  STEP_START,
  STEP_EMAIL,
  STEP_NAME,
  STEP_DONE,
} Step;

typedef struct
{
  RoloContact      *candidate;
  RoloContactMatch  weakest;
  Step              step;
  RoloContactQuery *query;      /* of the step */
  guint             page_index;
  RoloContact      *best;
  RoloContactMatch  best_match;
} FindMatch;

typedef struct
{
  RoloContact      *contact;
  RoloContactMatch  match;
} MatchResult;

static void
find_match_free (FindMatch *find)
{
  g_clear_object (&find->candidate);
  g_clear_object (&find->query);
  g_clear_object (&find->best);
  g_free (find);
}

static void
match_result_free (MatchResult *result)
{
  g_clear_object (&result->contact);
  g_free (result);
}

static void find_match_next_step (GTask *task);

/* The best a search of this step can find. */
static RoloContactMatch
step_ceiling (Step step)
{
  return step == STEP_EMAIL ? ROLO_CONTACT_MATCH_EMAIL : ROLO_CONTACT_MATCH_NAME_AND_MOBILE;
}

/* What the step searches for, or NULL when it has nothing to ask. */
static char *
step_search_text (FindMatch *find)
{
  g_autofree char *text = NULL;

  if (find->step == STEP_EMAIL)
    text = collapse_space (rolo_contact_get_email (find->candidate));
  else if (find->step == STEP_NAME && find->weakest <= ROLO_CONTACT_MATCH_NAME_AND_MOBILE &&
           find->best_match < ROLO_CONTACT_MATCH_EMAIL)
    text = collapse_space (rolo_contact_get_name (find->candidate));

  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
find_match_consider (FindMatch   *find,
                     RoloContact *existing)
{
  gint64 own_id = rolo_contact_get_id (find->candidate);
  RoloContactMatch match;

  if (own_id > 0 && rolo_contact_get_id (existing) == own_id)
    return;
  match = rolo_contact_match (find->candidate, existing);
  if (match >= find->weakest && match > find->best_match)
    {
      g_set_object (&find->best, existing);
      find->best_match = match;
    }
}

static void
find_match_return (GTask *task)
{
  FindMatch *find = g_task_get_task_data (task);
  MatchResult *result = g_new0 (MatchResult, 1);

  result->contact = g_steal_pointer (&find->best);
  result->match = result->contact != NULL ? find->best_match : ROLO_CONTACT_MATCH_NONE;
  g_task_return_pointer (task, result, (GDestroyNotify) match_result_free);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindMatch *find = g_task_get_task_data (task);
  g_autoptr(RoloContactPage) page = NULL;
  GError *error = NULL;
  GListModel *contacts;
  guint n_items;

  page = rolo_client_list_contacts_finish (ROLO_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  contacts = rolo_contact_page_get_contacts (page);
  n_items = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RoloContact) existing = g_list_model_get_item (contacts, i);

      find_match_consider (find, existing);
    }

  if (n_items > 0 && find->best_match < step_ceiling (find->step) &&
      rolo_contact_page_get_current_page (page) < rolo_contact_page_get_total_pages (page) &&
      find->page_index + 1 < SEARCH_MAX_PAGES)
    {
      find->page_index++;
      rolo_client_list_contacts_async (ROLO_CLIENT (source), find->query, find->page_index,
                                       SEARCH_PAGE_SIZE, g_task_get_cancellable (task),
                                       listed_cb, g_object_ref (task));
      return;
    }
  find_match_next_step (task);
}

/* Starts the next step that has something to ask, or returns the best. */
static void
find_match_next_step (GTask *task)
{
  FindMatch *find = g_task_get_task_data (task);
  g_autofree char *search = NULL;

  while (search == NULL && find->step != STEP_DONE)
    {
      find->step++;
      search = step_search_text (find);
    }
  if (search == NULL)
    {
      find_match_return (task);
      return;
    }

  g_clear_object (&find->query);
  find->query = rolo_contact_query_new ();
  rolo_contact_query_set_search (find->query, search);
  find->page_index = 0;
  rolo_client_list_contacts_async (g_task_get_source_object (task), find->query, 0,
                                   SEARCH_PAGE_SIZE, g_task_get_cancellable (task),
                                   listed_cb, g_object_ref (task));
}

void
rolo_client_find_match_async (RoloClient          *client,
                              RoloContact         *candidate,
                              RoloContactMatch     weakest,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindMatch *find;

  g_return_if_fail (ROLO_IS_CLIENT (client));
  g_return_if_fail (ROLO_IS_CONTACT (candidate));
  g_return_if_fail (weakest >= ROLO_CONTACT_MATCH_NAME && weakest <= ROLO_CONTACT_MATCH_EMAIL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_client_find_match_async);
  find = g_new0 (FindMatch, 1);
  find->candidate = rolo_contact_copy (candidate);
  find->weakest = weakest;
  find->step = STEP_START;
  g_task_set_task_data (task, find, (GDestroyNotify) find_match_free);
  find_match_next_step (task);
}

RoloContact *
rolo_client_find_match_finish (RoloClient        *client,
                               GAsyncResult      *result,
                               RoloContactMatch  *match,
                               GError           **error)
{
  MatchResult *found;
  RoloContact *contact;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rolo_client_find_match_async,
                        NULL);

  /* A cancelled task fails with G_IO_ERROR_CANCELLED here, whatever it
   * found (GTask checks the cancellable). */
  found = g_task_propagate_pointer (G_TASK (result), error);
  if (match != NULL)
    *match = found != NULL ? found->match : ROLO_CONTACT_MATCH_NONE;
  if (found == NULL)
    return NULL;
  contact = g_steal_pointer (&found->contact);
  match_result_free (found);
  return contact;
}
