/* rolo-column-sorter.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-column-sorter.h"

struct _RoloColumnSorter
{
  GtkSorter             parent_instance;

  RoloContactSortField  field;
};

G_DEFINE_FINAL_TYPE (RoloColumnSorter, rolo_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Marks the item of a probe comparison; its data is where the sorter asked
 * first writes itself (see rolo_column_sorter_get_primary()). */
static GQuark
probe_quark (void)
{
  return g_quark_from_static_string ("rolo-column-sorter-probe");
}

static GtkOrdering
rolo_column_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
  RoloColumnSorter **asked_first;

  if (!G_IS_OBJECT (item1))
    return GTK_ORDERING_EQUAL;

  asked_first = g_object_get_qdata (item1, probe_quark ());
  if (asked_first == NULL)
    return GTK_ORDERING_EQUAL;

  *asked_first = ROLO_COLUMN_SORTER (sorter);
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
rolo_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_NONE;
}

static void
rolo_column_sorter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RoloColumnSorter *self = ROLO_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_column_sorter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RoloColumnSorter *self = ROLO_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_column_sorter_class_init (RoloColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = rolo_column_sorter_get_property;
  object_class->set_property = rolo_column_sorter_set_property;
  sorter_class->compare = rolo_column_sorter_compare;
  sorter_class->get_order = rolo_column_sorter_get_order;

  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL,
                       ROLO_TYPE_CONTACT_SORT_FIELD, ROLO_CONTACT_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rolo_column_sorter_init (RoloColumnSorter *self)
{
  self->field = ROLO_CONTACT_SORT_NAME;
}

RoloColumnSorter *
rolo_column_sorter_new (RoloContactSortField field)
{
  return g_object_new (ROLO_TYPE_COLUMN_SORTER, "field", field, NULL);
}

RoloContactSortField
rolo_column_sorter_get_field (RoloColumnSorter *self)
{
  g_return_val_if_fail (ROLO_IS_COLUMN_SORTER (self), ROLO_CONTACT_SORT_NAME);

  return self->field;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static RoloColumnSorter *
get_primary_from_getters (GtkColumnView *view,
                          gboolean      *descending)
{
  GtkColumnViewSorter *sorter;
  GtkColumnViewColumn *column;
  GtkSorter *column_sorter;

  /* Past the version this build is pinned to (DESIGN.md, Platform). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (view));
  column = gtk_column_view_sorter_get_primary_sort_column (sorter);
  *descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;
  G_GNUC_END_IGNORE_DEPRECATIONS

  column_sorter = column != NULL ? gtk_column_view_column_get_sorter (column) : NULL;
  return ROLO_IS_COLUMN_SORTER (column_sorter) ? ROLO_COLUMN_SORTER (column_sorter) : NULL;
}
#else

/* GTK 4.8 cannot tell which column sorts: its column view sorter asks the
 * column sorters in order, primary first, and inverts what a descending
 * column answers. So one comparison of a marked item tells both: the sorter
 * that sees the mark is the primary one, and the sign of the answer is the
 * direction. */
static RoloColumnSorter *
get_primary_by_probe (GtkColumnView *view,
                      gboolean      *descending)
{
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);
  RoloColumnSorter *asked_first = NULL;
  GtkOrdering ordering;

  g_object_set_qdata (probe, probe_quark (), &asked_first);
  ordering = gtk_sorter_compare (gtk_column_view_get_sorter (view), probe, other);

  *descending = asked_first != NULL && ordering == GTK_ORDERING_LARGER;
  return asked_first;
}
#endif

RoloColumnSorter *
rolo_column_sorter_get_primary (GtkColumnView *view,
                                gboolean      *descending)
{
  gboolean unused;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  if (descending == NULL)
    descending = &unused;

#if GTK_CHECK_VERSION (4, 10, 0)
  return get_primary_from_getters (view, descending);
#else
  return get_primary_by_probe (view, descending);
#endif
}
