/* rolo-transfer.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include "rolo-transfer.h"

typedef struct
{
  guint n_done;
  guint n_total;
} RoloTransferPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RoloTransfer, rolo_transfer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_DONE,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rolo_transfer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RoloTransferPrivate *priv = rolo_transfer_get_instance_private (ROLO_TRANSFER (object));

  switch (prop_id)
    {
    case PROP_N_DONE:
      g_value_set_uint (value, priv->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, priv->n_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_transfer_class_init (RoloTransferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rolo_transfer_get_property;

  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rolo_transfer_init (RoloTransfer *self)
{
}

guint
rolo_transfer_get_n_done (RoloTransfer *self)
{
  RoloTransferPrivate *priv;

  g_return_val_if_fail (ROLO_IS_TRANSFER (self), 0);

  priv = rolo_transfer_get_instance_private (self);
  return priv->n_done;
}

guint
rolo_transfer_get_n_total (RoloTransfer *self)
{
  RoloTransferPrivate *priv;

  g_return_val_if_fail (ROLO_IS_TRANSFER (self), 0);

  priv = rolo_transfer_get_instance_private (self);
  return priv->n_total;
}

void
rolo_transfer_set_progress (RoloTransfer *self,
                            guint         n_done,
                            guint         n_total)
{
  RoloTransferPrivate *priv;

  g_return_if_fail (ROLO_IS_TRANSFER (self));

  priv = rolo_transfer_get_instance_private (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (priv->n_done != n_done)
    {
      priv->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  if (priv->n_total != n_total)
    {
      priv->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
