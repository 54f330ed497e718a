-- A second real LSP client for the SQS language server: headless Neovim (Debian's 0.7, so the 0.7 API:
-- vim.lsp.start_client + buf_attach_client; 0.7 has no pull-diagnostics support of its own, so this script
-- sends textDocument/diagnostic itself when the server offers it, and otherwise takes pushed diagnostics).
--
--   nvim --headless --clean -n -i NONE -S test/nvim/lsp-diagnostics.lua
--
-- Reads its job from the environment:
--   SQS_SERVER_CMD  the server's argv, one per line (node, server/out/server.js, --stdio)
--   SQS_ROOT        the workspace folder
--   SQS_FILES       files to open, one per line
--   SQS_EDITS       optional JSON [{file, line, text}]: once every file has had diagnostics, replace those
--                   (0-based) lines in the open buffers, as typing would (didChange; nothing is saved)
--   SQS_EXPECT      optional JSON [{file, code, message?}]: wait until each file has a diagnostic with that code
--                   whose message contains `message`; without it, until every file has had diagnostics
--   SQS_TIMEOUT_MS  deadline for each wait (default 30000)
--   SQS_RESULT      where to write what it received (JSON); exit status 0 when the wait was satisfied

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then
    if default == nil then error('missing environment variable ' .. name) end
    return default
  end
  return v
end

local function lines(s)
  local out = {}
  for l in string.gmatch(s, '[^\n]+') do table.insert(out, l) end
  return out
end

local result_path = env('SQS_RESULT')
local timeout_ms = tonumber(env('SQS_TIMEOUT_MS', '30000'))
local edits = vim.fn.json_decode(env('SQS_EDITS', '[]'))
local expect = vim.fn.json_decode(env('SQS_EXPECT', '[]'))
local root = env('SQS_ROOT')
local result = { files = {}, errors = {}, refreshes = 0 }

local function finish(ok)
  result.ok = ok
  local f = assert(io.open(result_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function fail(msg)
  table.insert(result.errors, msg)
  finish(false)
end

local pull_all -- set once the client runs; the refresh handler calls it

local ok_run, err_run = pcall(function()
  -- Announce pull support only because this script does pull (below); push needs no announcement.
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.textDocument.diagnostic = { dynamicRegistration = false, relatedDocumentSupport = false }

  local client_id = vim.lsp.start_client({
    name = 'sqs',
    cmd = lines(env('SQS_SERVER_CMD')),
    cmd_cwd = root,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    capabilities = capabilities,
    -- The language ids VS Code gives these files from the extension's manifest.
    get_language_id = function(bufnr)
      local name = vim.api.nvim_buf_get_name(bufnr)
      if name:match('%.case%.sqs%.ya?ml$') then return 'sqs-case' end
      if name:match('inspection%.sqs%.ya?ml$') then return 'sqs-inspection' end
      return 'yaml'
    end,
    handlers = {
      ['client/registerCapability'] = function() return vim.NIL end,
      -- The server asks for a new pull when something outside the pulled document changed (another file, the
      -- end of workspace indexing): pull again, as VS Code does.
      ['workspace/diagnostic/refresh'] = function()
        result.refreshes = result.refreshes + 1
        if pull_all then vim.schedule(pull_all) end
        return vim.NIL
      end,
    },
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then return fail('vim.lsp.start_client returned nil') end

  local buffers = {} -- bufnr -> uri
  local by_file = {} -- path -> bufnr
  for _, file in ipairs(lines(env('SQS_FILES'))) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local bufnr = vim.api.nvim_get_current_buf()
    vim.bo[bufnr].filetype = 'yaml'
    vim.lsp.buf_attach_client(bufnr, client_id)
    buffers[bufnr] = vim.uri_from_bufnr(bufnr)
    by_file[file] = bufnr
  end

  local client
  local initialized = vim.wait(timeout_ms, function()
    client = vim.lsp.get_client_by_id(client_id)
    return result.server_exit ~= nil or (client ~= nil and client.initialized == true and client.server_capabilities ~= nil)
  end, 20)
  if result.server_exit then return fail('the server exited before it initialized (see lsp.log)') end
  if not initialized then return fail('the server did not initialize within ' .. timeout_ms .. ' ms') end
  result.mode = client.server_capabilities.diagnosticProvider and 'pull' or 'push'

  local function record(uri, diagnostics, to_entry)
    local list = {}
    for _, d in ipairs(diagnostics) do table.insert(list, to_entry(d)) end
    result.files[uri] = list
  end
  local function from_lsp(d)
    return { code = d.code, message = d.message, severity = d.severity, line = d.range.start.line, character = d.range.start.character }
  end

  local inflight = {}
  local function pull(bufnr, uri)
    if inflight[bufnr] then return end
    inflight[bufnr] = true
    client.request('textDocument/diagnostic', { textDocument = { uri = uri } }, function(err, res)
      inflight[bufnr] = false
      if err then
        table.insert(result.errors, 'textDocument/diagnostic: ' .. vim.inspect(err))
      elseif res and res.kind == 'full' then
        record(uri, res.items or {}, from_lsp)
      end
    end, bufnr)
  end

  if result.mode == 'pull' then
    pull_all = function()
      for bufnr, uri in pairs(buffers) do pull(bufnr, uri) end
    end
    pull_all()
  else
    -- Pushed diagnostics land in vim.diagnostic through Neovim's own publishDiagnostics handler.
    vim.api.nvim_create_autocmd('DiagnosticChanged', {
      callback = function()
        for bufnr, uri in pairs(buffers) do
          record(uri, vim.diagnostic.get(bufnr), function(d)
            local lsp = d.user_data and d.user_data.lsp or {}
            return { code = lsp.code or d.code, message = d.message, severity = d.severity, line = d.lnum, character = d.col }
          end)
        end
      end,
    })
  end

  -- Until `done` holds, or the deadline; pulling again meanwhile, as VS Code does on changes.
  local function await(what, done)
    local ok = vim.wait(timeout_ms, function()
      if done() then return true end
      if pull_all then pull_all() end
      return false
    end, 100)
    if not ok then fail(what .. ' within ' .. timeout_ms .. ' ms') end
    return ok
  end

  if not await('no diagnostics report for every file', function()
    for _, uri in pairs(buffers) do
      if result.files[uri] == nil then return false end
    end
    return true
  end) then return end

  for _, e in ipairs(edits) do
    local bufnr = by_file[e.file]
    if not bufnr then return fail('edit of a file not opened: ' .. e.file) end
    vim.api.nvim_buf_set_lines(bufnr, e.line, e.line + 1, true, { e.text })
  end
  if #edits > 0 then
    -- Reports from before the edits must not satisfy the wait below.
    result.files = {}
    result.edited = true
  end

  if not await('no diagnostics as expected', function()
    for _, x in ipairs(expect) do
      local list = result.files[vim.uri_from_fname(x.file)]
      local found = false
      for _, d in ipairs(list or {}) do
        if d.code == x.code and (x.message == nil or string.find(d.message, x.message, 1, true)) then found = true end
      end
      if not found then return false end
    end
    for _, uri in pairs(buffers) do
      if result.files[uri] == nil then return false end
    end
    return true
  end) then return end

  -- A polite shutdown, so the server's exit path is exercised as well.
  client.stop()
  vim.wait(5000, function() return result.server_exit ~= nil end, 20)
  finish(true)
end)

if not ok_run then fail('script error: ' .. tostring(err_run)) end
