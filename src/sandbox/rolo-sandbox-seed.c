/* rolo-sandbox-seed.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-sandbox"

#include "config.h"

#include "rolo-sandbox-resources.h"
#include "rolo-sandbox-seed-private.h"

/* A name as written, and as it goes into an email address. */
typedef struct
{
  const char *written;
  const char *ascii;
} Name;

typedef struct
{
  const char *code;          /* ISO 3166-1 alpha-2; the API's id is in countries.tsv */
  const char *prefix;        /* first digits of a mobile number */
  guint       digits;        /* length of the whole national number */
  const char *cities[3];
} Country;

static const Name latin_first[] = {
  { "Sarah", "sarah" }, { "James", "james" }, { "Emily", "emily" }, { "Michael", "michael" },
  { "Olivia", "olivia" }, { "Daniel", "daniel" }, { "Sophia", "sophia" }, { "David", "david" },
  { "Hannah", "hannah" }, { "Thomas", "thomas" }, { "Grace", "grace" }, { "Robert", "robert" },
  { "Chloe", "chloe" }, { "William", "william" }, { "Priya", "priya" }, { "Rahul", "rahul" },
  { "Ananya", "ananya" }, { "Arjun", "arjun" }, { "Deepika", "deepika" }, { "Vikram", "vikram" },
  { "Laura", "laura" }, { "Peter", "peter" }, { "Maria", "maria" }, { "John", "john" },
  { "Noah", "noah" }, { "Isabella", "isabella" }, { "Lucas", "lucas" }, { "Mia", "mia" },
  { "Kavya", "kavya" }, { "Sanjay", "sanjay" }, { "Elena", "elena" }, { "Marco", "marco" },
};

static const Name latin_last[] = {
  { "Johnson", "johnson" }, { "Smith", "smith" }, { "Williams", "williams" },
  { "Brown", "brown" }, { "Taylor", "taylor" }, { "Anderson", "anderson" },
  { "Martin", "martin" }, { "Clarke", "clarke" }, { "Walker", "walker" }, { "Wright", "wright" },
  { "Patel", "patel" }, { "Sharma", "sharma" }, { "Iyer", "iyer" }, { "Reddy", "reddy" },
  { "Gupta", "gupta" }, { "Nair", "nair" }, { "Fernandes", "fernandes" }, { "Rossi", "rossi" },
  { "Müller", "mueller" }, { "O'Connor", "oconnor" }, { "García", "garcia" },
  { "Kowalski", "kowalski" }, { "Dubois", "dubois" }, { "Mehta", "mehta" },
};

static const Name arabic_first[] = {
  { "أحمد", "ahmed" }, { "محمد", "mohammed" }, { "فاطمة", "fatima" }, { "سارة", "sara" },
  { "يوسف", "yousef" }, { "خالد", "khalid" }, { "عمر", "omar" }, { "ليلى", "layla" },
  { "نور", "noor" }, { "مريم", "maryam" }, { "علي", "ali" }, { "حسن", "hassan" },
  { "زينب", "zainab" }, { "عبدالله", "abdullah" }, { "إبراهيم", "ibrahim" }, { "هدى", "huda" },
  { "رنا", "rana" }, { "سلمى", "salma" }, { "طارق", "tariq" }, { "كريم", "karim" },
  { "ياسمين", "yasmin" }, { "منى", "mona" }, { "سامي", "sami" }, { "وليد", "walid" },
};

static const Name arabic_last[] = {
  { "العلي", "alali" }, { "الحسن", "alhassan" }, { "المنصور", "almansour" },
  { "الخطيب", "alkhatib" }, { "الأحمد", "alahmad" }, { "السيد", "alsayed" },
  { "الزهراني", "alzahrani" }, { "القحطاني", "alqahtani" }, { "الشمري", "alshammari" },
  { "العتيبي", "alotaibi" }, { "النجار", "alnajjar" }, { "الحداد", "alhaddad" },
  { "الصالح", "alsaleh" }, { "الرشيد", "alrashid" }, { "التميمي", "altamimi" },
  { "الكبيسي", "alkubaisi" },
};

/* Text before and after the family name. */
typedef struct
{
  const char *before;
  const char *after;
} BusinessForm;

static const BusinessForm latin_business_forms[] = {
  { "", " Trading Co." }, { "", " & Sons" }, { "", " Consulting" }, { "", " Logistics Ltd" },
  { "", " Industries" }, { "", " Foods Pvt Ltd" }, { "", " Design Studio" },
  { "", " Engineering LLC" }, { "", " Medical Supplies" }, { "", " Properties" },
};

static const BusinessForm arabic_business_forms[] = {
  { "شركة ", " للتجارة" }, { "مؤسسة ", "" }, { "مجموعة ", " القابضة" },
  { "مكتب ", " للاستشارات" }, { "", " للمقاولات" },
};

static const char * const mail_domains[] = {
  "gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me",
};

static const Country countries[] = {
  { "IN", "98", 10, { "Mumbai", "Bengaluru", "Chennai" } },
  { "US", "415", 10, { "Austin", "Boston", "Denver" } },
  { "GB", "77", 10, { "London", "Leeds", "Bristol" } },
  { "AE", "50", 9, { "Dubai", "Abu Dhabi", "Sharjah" } },
  { "SA", "55", 9, { "Riyadh", "Jeddah", "Dammam" } },
  { "EG", "10", 10, { "Cairo", "Alexandria", "Giza" } },
  { "JO", "79", 9, { "Amman", "Irbid", "Zarqa" } },
  { "KW", "6", 8, { "Kuwait City", "Hawalli", "Salmiya" } },
};

#define COUNTRIES_RESOURCE "/io/github/rolo_app/Rolo/sandbox/countries.tsv"

/* The API's id of the country with ISO code @code, from the table the app
 * reads too (data/countries.tsv): ids typed by hand here once drifted from
 * it. The sandbox reads the file itself; it shares data, not code. */
static gint64
country_id (const char *code)
{
  static GHashTable *ids;
  gpointer id;

  if (g_once_init_enter (&ids))
    {
      g_autoptr(GBytes) data = NULL;
      g_auto(GStrv) lines = NULL;
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      data = g_resource_lookup_data (rolo_sandbox_resources_get_resource (),
                                     COUNTRIES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (data != NULL);
      lines = g_strsplit (g_bytes_get_data (data, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) columns = NULL;
          gint64 value;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          columns = g_strsplit (lines[i], "\t", 3);
          if (g_strv_length (columns) == 3 &&
              g_ascii_string_to_signed (columns[0], 10, 1, G_MAXINT32, &value, NULL))
            g_hash_table_insert (table, g_strdup (columns[1]), GINT_TO_POINTER ((int) value));
        }
      g_once_init_leave (&ids, table);
    }

  id = g_hash_table_lookup (ids, code);
  g_assert (id != NULL);
  return GPOINTER_TO_INT (id);
}

static const char * const streets[] = {
  "King Fahd Road", "MG Road", "High Street", "Sheikh Zayed Road", "Main Street",
  "Tahrir Street", "Oak Avenue", "شارع الملك عبدالعزيز", "Park Lane", "Station Road",
};

static const char * const notes[] = {
  "Prefers email over phone calls.",
  "Call after 4 pm; mornings are busy.",
  "Met at the trade fair in Dubai.",
  "Invoices go to the accounts department.",
  "VIP customer — reply within a day.",
  "يفضل التواصل عبر واتساب.",
  "Pays by bank transfer, 30-day terms.",
  "Asked for a quote on the annual plan.",
};

typedef struct
{
  guint64             state;
  guint               n;
  guint               index;
  gint64              start;      /* cstcreated_on of the first contact */
  gint64              span;       /* seconds covered by all of them */
  RoloSandboxContact *current;
  gboolean            current_is_business;
  char               *current_domain;
  GArray             *business_ids;
  GPtrArray          *business_domains;
} Seeder;

/* splitmix64: small, fast and the same everywhere, so seeds never change. */
static guint64
next_u64 (Seeder *seeder)
{
  guint64 z = (seeder->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
pick (Seeder *seeder,
      guint   n)
{
  return (guint) (next_u64 (seeder) % n);
}

/* TRUE with the given chance in percent. */
static gboolean
chance (Seeder *seeder,
        guint   percent)
{
  return pick (seeder, 100) < percent;
}

#define PICK(seeder, array) (&(array)[pick ((seeder), G_N_ELEMENTS (array))])

static char *
random_digits (Seeder *seeder,
               guint   count)
{
  char *digits = g_malloc (count + 1);

  for (guint i = 0; i < count; i++)
    digits[i] = '0' + pick (seeder, 10);
  digits[count] = '\0';

  return digits;
}

static char *
make_mobile (Seeder        *seeder,
             const Country *country)
{
  guint prefix_len = strlen (country->prefix);
  g_autofree char *rest = random_digits (seeder, country->digits - prefix_len);

  return g_strconcat (country->prefix, rest, NULL);
}

/* One draw per statement: the order in which C evaluates arguments is
 * unspecified, and the seed must not depend on the compiler. */
static char *
make_address (Seeder        *seeder,
              const Country *country)
{
  guint number = 1 + pick (seeder, 400);
  const char *street = *PICK (seeder, streets);
  const char *city = *PICK (seeder, country->cities);

  return g_strdup_printf ("%u %s, %s", number, street, city);
}

static char *
make_tax_number (Seeder        *seeder,
                 const Country *country)
{
  g_autofree char *digits = random_digits (seeder, 15);
  char letter = 'A' + pick (seeder, 26);

  if (g_str_equal (country->code, "IN"))
    return g_strdup_printf ("27AAPF%c%.4sR1Z%c", letter, digits, digits[4]);
  if (g_str_equal (country->code, "US"))
    return g_strdup_printf ("%.2s-%.7s", digits, digits + 2);
  if (g_str_equal (country->code, "GB"))
    return g_strdup_printf ("GB%.9s", digits);
  return g_steal_pointer (&digits);
}

static void
set_text (char       **slot,
          const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
take_text (char **slot,
           char  *value)
{
  g_free (*slot);
  *slot = value;
}

static void
add_common_fields (Seeder             *seeder,
                   RoloSandboxContact *contact)
{
  const Country *country = PICK (seeder, countries);

  if (chance (seeder, 94))
    {
      take_text (&contact->cstmobile, make_mobile (seeder, country));
      contact->cstmobile_country_id = country_id (country->code);
    }
  if (chance (seeder, 60) || contact->contact_type == ROLO_SANDBOX_BUSINESS)
    take_text (&contact->cstaddress, make_address (seeder, country));
  if (contact->contact_type == ROLO_SANDBOX_BUSINESS && chance (seeder, 80))
    take_text (&contact->ct_taxnumber, make_tax_number (seeder, country));
  if (chance (seeder, 15))
    set_text (&contact->cstnotes, *PICK (seeder, notes));

  if (chance (seeder, 30))
    {
      gint64 tags[3];
      guint n_tags = 1 + pick (seeder, 3);

      for (guint i = 0; i < n_tags; i++)
        tags[i] = 1 + pick (seeder, 12);
      rolo_sandbox_contact_set_tags (contact, tags, n_tags);
    }

  contact->cstemailnotify = chance (seeder, 90);
  contact->cstsmsnotify = chance (seeder, 85);
  contact->cst_whatsapp_notify = chance (seeder, 70);
}

/* Lower-case letters and digits only: "Müller & Sons" → "mllersons". */
static char *
make_slug (const char *ascii)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
    }
  return g_string_free (slug, FALSE);
}

static void
make_business (Seeder             *seeder,
               RoloSandboxContact *contact)
{
  static const char * const mailboxes[] = { "info", "sales", "contact", "office", "accounts" };
  gboolean arabic = chance (seeder, 25);
  const Name *family = arabic ? PICK (seeder, arabic_last) : PICK (seeder, latin_last);
  const BusinessForm *form = arabic ? PICK (seeder, arabic_business_forms)
                                    : PICK (seeder, latin_business_forms);
  g_autofree char *ascii_name = g_strconcat (form->before, family->ascii, form->after, NULL);
  g_autofree char *slug = make_slug (arabic ? family->ascii : ascii_name);
  const char *tld = arabic ? ".sa" : ".com";

  contact->contact_type = ROLO_SANDBOX_BUSINESS;
  take_text (&contact->cstname, g_strconcat (form->before, family->written, form->after, NULL));
  seeder->current_domain = g_strdup_printf ("%s%u%s", slug, seeder->index % 1000, tld);
  if (chance (seeder, 92))
    take_text (&contact->cstemail, g_strdup_printf ("%s@%s", *PICK (seeder, mailboxes),
                                                    seeder->current_domain));
}

static char *
make_personal_email (Seeder     *seeder,
                     const Name *first,
                     const Name *last,
                     const char *domain)
{
  g_autofree char *last_slug = make_slug (last->ascii);

  switch (pick (seeder, 4))
    {
    case 0:
      return g_strdup_printf ("%s.%s@%s", first->ascii, last_slug, domain);
    case 1:
      return g_strdup_printf ("%c%s@%s", first->ascii[0], last_slug, domain);
    case 2:
      return g_strdup_printf ("%s%u@%s", first->ascii, 1 + pick (seeder, 99), domain);
    default:
      return g_strdup_printf ("%s_%s%u@%s", first->ascii, last_slug, seeder->index % 100,
                              domain);
    }
}

static void
make_individual (Seeder             *seeder,
                 RoloSandboxContact *contact)
{
  gboolean arabic = chance (seeder, 25);
  const Name *first = arabic ? PICK (seeder, arabic_first) : PICK (seeder, latin_first);
  const Name *last = arabic ? PICK (seeder, arabic_last) : PICK (seeder, latin_last);
  const char *domain = *PICK (seeder, mail_domains);

  contact->contact_type = ROLO_SANDBOX_INDIVIDUAL;
  take_text (&contact->cstname, g_strdup_printf ("%s %s", first->written, last->written));

  if (seeder->business_ids->len > 0 && chance (seeder, 45))
    {
      guint which = pick (seeder, seeder->business_ids->len);

      contact->contact_parent = g_array_index (seeder->business_ids, gint64, which);
      domain = g_ptr_array_index (seeder->business_domains, which);
    }

  if (chance (seeder, 90))
    take_text (&contact->cstemail, make_personal_email (seeder, first, last, domain));
}

/* Remembers the Business just inserted, so later Individuals can link to it. */
static void
remember_current (Seeder *seeder)
{
  if (seeder->current == NULL)
    return;

  if (seeder->current_is_business)
    {
      g_array_append_val (seeder->business_ids, seeder->current->cstid);
      g_ptr_array_add (seeder->business_domains, g_steal_pointer (&seeder->current_domain));
    }
  g_clear_pointer (&seeder->current_domain, g_free);
  g_clear_pointer (&seeder->current, rolo_sandbox_contact_free);
}

static RoloSandboxContact *
next_contact (gpointer user_data)
{
  Seeder *seeder = user_data;
  RoloSandboxContact *contact;

  remember_current (seeder);
  if (seeder->index >= seeder->n)
    return NULL;

  contact = seeder->current = rolo_sandbox_contact_new ();
  seeder->current_is_business = seeder->index == 0 || chance (seeder, 20);
  if (seeder->current_is_business)
    make_business (seeder, contact);
  else
    make_individual (seeder, contact);
  add_common_fields (seeder, contact);

  /* In creation order, as on a real workspace: cstid and date rise together. */
  contact->cstcreated_on = seeder->start + seeder->span * seeder->index / seeder->n +
                           pick (seeder, MAX (1, seeder->span / seeder->n));
  seeder->index++;

  return contact;
}

gboolean
rolo_sandbox_seed_fill (RoloSandboxStore  *store,
                        guint              n_contacts,
                        GError           **error)
{
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 5, 15, 8, 30, 0);
  Seeder seeder = { 0 };
  gboolean ok;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (store), FALSE);

  seeder.state = G_GUINT64_CONSTANT (20260515);
  seeder.n = n_contacts;
  seeder.span = 2 * 365 * 24 * 3600;
  seeder.start = g_date_time_to_unix (end) - seeder.span;
  seeder.business_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  seeder.business_domains = g_ptr_array_new_with_free_func (g_free);

  ok = rolo_sandbox_store_fill (store, next_contact, &seeder, error);

  g_clear_pointer (&seeder.current, rolo_sandbox_contact_free);
  g_clear_pointer (&seeder.current_domain, g_free);
  g_array_unref (seeder.business_ids);
  g_ptr_array_unref (seeder.business_domains);

  return ok;
}
