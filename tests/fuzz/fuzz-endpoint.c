/* fuzz-endpoint.c — instance names, regions and base URLs
 *
 * The instance name becomes part of a host name: whatever is accepted
 * must be one DNS label, and every URL built must point at the host the
 * user meant — the documented one, or the override, which is https or
 * plain http to loopback only. Input: instance, region and an optional
 * base URL, one per line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-endpoint"

#include "config.h"

#include <gio/gio.h>
#include <stdint.h>
#include <string.h>

#include "ra-endpoint.h"
#include "ra-error.h"

static GRegex *label;

static void
assert_error_text (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == RA_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
assert_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return;
  bare = g_strdup (host);
  if (bare[0] == '[')
    {
      bare[strlen (bare) - 1] = '\0';
      memmove (bare, bare + 1, strlen (bare));
    }
  address = g_inet_address_new_from_string (bare);
  g_assert_nonnull (address);
  g_assert_true (g_inet_address_get_is_loopback (address));
}

static void
check_url (const char *url,
           const char *expected_host,
           gboolean    override)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);
  g_assert_null (g_uri_get_userinfo (uri));
  g_assert_null (g_uri_get_query (uri));
  g_assert_null (g_uri_get_fragment (uri));
  if (!override)
    {
      g_assert_cmpstr (g_uri_get_scheme (uri), ==, "https");
      g_assert_cmpstr (g_uri_get_host (uri), ==, expected_host);
      return;
    }

  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    {
      g_assert_cmpint (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http"), ==, 0);
      assert_loopback (g_uri_get_host (uri));
    }
  g_assert_cmpstr (g_uri_get_host (uri), ==, expected_host);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) parts = g_strsplit (text, "\n", 3);
  const char *instance, *region, *base_url;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaEndpoint) endpoint = NULL;
  gboolean valid_instance;

  if (label == NULL)
    /* "$" alone would also match before a final newline or form feed. */
    label = g_regex_new ("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", G_REGEX_DOLLAR_ENDONLY,
                         0, NULL);

  instance = parts[0] != NULL ? parts[0] : "";
  region = parts[0] != NULL && parts[1] != NULL ? parts[1] : "eu";
  base_url = parts[0] != NULL && parts[1] != NULL ? parts[2] : NULL;

  valid_instance = ra_endpoint_validate_instance (instance, &error);
  g_assert_true (valid_instance == g_regex_match (label, instance, 0, NULL));
  if (!valid_instance)
    assert_error_text (error);
  g_clear_error (&error);

  if (!ra_endpoint_validate_region (region, &error))
    assert_error_text (error);
  g_clear_error (&error);

  if (base_url != NULL && !ra_endpoint_validate_base_url (base_url, &error))
    assert_error_text (error);
  g_clear_error (&error);

  endpoint = ra_endpoint_new (instance, region, base_url, &error);
  if (endpoint == NULL)
    {
      assert_error_text (error);
      return 0;
    }

  g_assert_true (valid_instance);
  g_assert_true (g_strv_contains (ra_endpoint_get_regions (), region));

  /* An empty override is none. */
  if (ra_endpoint_get_base_url_override (endpoint) == NULL)
    {
      g_autofree char *host = g_strdup_printf ("%s.api.%s.nexthink.cloud", instance, region);
      g_autofree char *login = g_strdup_printf ("%s-login.%s.nexthink.cloud", instance, region);

      check_url (ra_endpoint_get_api_base_url (endpoint), host, FALSE);
      check_url (ra_endpoint_get_legacy_token_url (endpoint), host, FALSE);
      check_url (ra_endpoint_get_oauth_token_url (endpoint), login, FALSE);
    }
  else
    {
      g_autoptr(GUri) uri = g_uri_parse (ra_endpoint_get_api_base_url (endpoint),
                                         G_URI_FLAGS_NONE, NULL);
      g_autofree char *url = NULL;

      g_assert_nonnull (uri);
      check_url (ra_endpoint_get_api_base_url (endpoint), g_uri_get_host (uri), TRUE);
      check_url (ra_endpoint_get_legacy_token_url (endpoint), g_uri_get_host (uri), TRUE);
      check_url (ra_endpoint_get_oauth_token_url (endpoint), g_uri_get_host (uri), TRUE);
      url = ra_endpoint_build_api_url (endpoint, "/api/v1/act/execute");
      check_url (url, g_uri_get_host (uri), TRUE);
    }

  return 0;
}
