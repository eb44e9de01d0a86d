#include "localized_text.h"

namespace sshdiag {

bool LocalizedText::FromJson(const nlohmann::json& j, LocalizedText* out, std::string* error) {
  out->texts_.clear();
  if (j.is_string()) {
    out->texts_["en"] = j.get<std::string>();
    return true;
  }
  if (!j.is_object()) {
    *error = "expected a string or an object of language codes to strings";
    return false;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it.value().is_string()) {
      *error = "text for language '" + it.key() + "' is not a string";
      return false;
    }
    out->texts_[it.key()] = it.value().get<std::string>();
  }
  if (!out->Has("en")) {
    *error = "has no English (\"en\") text";
    return false;
  }
  return true;
}

const std::string& LocalizedText::Get(const std::string& lang) const {
  static const std::string kEmpty;
  auto it = texts_.find(lang);
  if (it != texts_.end()) return it->second;
  it = texts_.find("en");
  return it != texts_.end() ? it->second : kEmpty;
}

}  // namespace sshdiag

namespace sshdiag {

const std::vector<MessageEntry>& MessageCatalogue() {
  static const std::vector<MessageEntry> kCatalogue = {
      {Msg::kEvidence, "evidence", "Evidence:", "根拠:"},
      {Msg::kMeans, "means", "What it means:", "意味:"},
      {Msg::kTodo, "todo", "What to do:", "対処:"},
      {Msg::kConfigClient, "config.client", "In ~/.ssh/config:", "~/.ssh/config に:"},
      {Msg::kOnce, "config.once", "Once:", "一度だけ:"},
      {Msg::kConfigServer, "config.server", "In the server's /etc/ssh/sshd_config:", "サーバーの /etc/ssh/sshd_config に:"},
      {Msg::kShell, "config.shell", "In a shell:", "シェルで:"},
      {Msg::kNote, "note", "Note:", "注:"},
      {Msg::kRisk, "risk", "Risk:", "リスク:"},
      {Msg::kUnsure, "unsure", "If unsure:", "判断に迷うとき:"},
      {Msg::kContext, "context", "(context: this does not account for how the session ended)",
       "(参考: セッションの終わり方を説明するものではありません)"},
      {Msg::kUntoldBefore, "untold.before", "(cannot tell: this log has no ", "(判断できません: このログには "},
      {Msg::kUntoldAfter, "untold.after", " lines, which tell this cause from its look-alikes; rerun with ssh -vvv)",
       " の行がなく、似た原因と区別できません。ssh -vvv で再実行してください)"},
      {Msg::kUntoldExcerpt, "untold.excerpt",
       "(cannot tell: this is the end of a log; its start tells this cause from its look-alikes; paste the whole log)",
       "(判断できません: これはログの末尾だけです。似た原因との区別はログの先頭でつきます。ログ全体を貼ってください)"},
      {Msg::kAlsoPossible, "also_possible", "Also possible (the same lines fit these causes):",
       "ほかに考えられる原因 (同じ行がこれらにも当てはまります):"},
      {Msg::kTellApart, "tell_apart", "Tell apart:", "見分け方:"},
      {Msg::kExperimental, "experimental", "experimental", "試験的"},
      {Msg::kExperimentalSignature, "experimental_signature", "(experimental signature)", "(試験的なシグネチャ)"},
      {Msg::kConfidence, "confidence", "confidence", "確信度"},
      {Msg::kRootCause, "root_cause", "root cause", "根本原因"},
      {Msg::kSignature, "signature", "signature", "シグネチャ"},
      {Msg::kSignatureSet, "signature_set", "signatures", "シグネチャセット"},
      {Msg::kContextOnly, "context_only", "context only", "参考情報のみ"},
      {Msg::kMore, "more", " more candidate(s); --top 0 shows all", " 件の候補が他にあります (--top 0 ですべて表示)"},
      {Msg::kAskNext, "ask_next", "To ask next (the log cannot decide between these):",
       "次に確認すること (ログだけではこれらを区別できません):"},
      {Msg::kLevelCertain, "level.certain", "certain", "確実"},
      {Msg::kLevelLikely, "level.likely", "likely", "可能性が高い"},
      {Msg::kLevelPossible, "level.possible", "possible", "可能性あり"},
      {Msg::kWhereClient, "where.client", "client", "クライアント"},
      {Msg::kWhereServer, "where.server", "server", "サーバー"},
      {Msg::kWhereNetwork, "where.network", "network", "ネットワーク"},
      {Msg::kWeakensSecurity, "weakens_security", "weakens security", "セキュリティを弱める"},
      {Msg::kLine, "line", "line ", "行 "},
      {Msg::kServerLine, "server_line", "sshd's log, line ", "sshd のログ、行 "},
      {Msg::kFile, "file", "file ", "ファイル "},
      {Msg::kSession, "session", "session ", "セッション "},
      {Msg::kProxyJumpChild, "proxyjump_child", "ProxyJump child of session ", "ProxyJump の子、親セッション "},
      {Msg::kPairedWith, "paired_with", "paired with session ", "対応するセッション "},
      {Msg::kPairedBy, "paired_by", ": ", "、根拠: "},
      {Msg::kPairedUser, "paired.user", "the same user", "同じユーザー"},
      {Msg::kPairedKey, "paired.key", "a key the client offered", "クライアントが提示した鍵"},
      {Msg::kPairedTime, "paired.time", "the same time", "同じ時刻"},
      {Msg::kPairedPort, "paired.port", "the port the client connected to", "クライアントの接続先ポート"},
      {Msg::kPairedLatest, "paired.latest", "the latest of those that fit", "該当する中で最新の接続"},
      {Msg::kPairedOnly, "paired.only", "the only connection left", "残った唯一の接続"},
      {Msg::kListSeparator, "list_separator", ", ", "、"},
      {Msg::kNoProblem, "no_problem", "No problem found:", "問題なし:"},
      {Msg::kSucceeded, "succeeded", " the session succeeded", " セッションは成功しました"},
      {Msg::kExit0, "exit0", " (exit status 0)", " (終了ステータス 0)"},
      {Msg::kJumpCarried, "jump_carried", " this jump-host connection carried session ",
       " このジャンプホスト接続がセッションを中継しました: "},
      {Msg::kRemoteFailed, "remote_failed", " the connection worked; the remote command exited with status ",
       " SSH 接続は成功し、リモートコマンドが次のステータスで終了しました: "},
      {Msg::kRemoteNotStarted, "remote_not_started", " the connection worked; the remote shell could not start the command",
       " SSH 接続は成功しましたが、リモートのシェルがコマンドを起動できませんでした"},
      {Msg::kUnexplained, "unexplained", "A failure was seen, but no signature explains it.",
       "失敗が見つかりましたが、説明できるシグネチャがありません。"},
      {Msg::kGotAsFar, "got_as_far", "The connection got as far as:", "接続が到達した段階:"},
      {Msg::kLastErrors, "last_errors", "Last error lines:", "最後のエラー行:"},
      {Msg::kNextSteps, "next_steps",
       "Next steps: rerun with ssh -vvv if this was less verbose; read the server's log for the same moment "
       "(journalctl -u ssh, /var/log/auth.log); run ssh -G HOST for the effective client configuration.",
       "次の手順: 詳細度が低ければ ssh -vvv で再実行し、同じ時刻のサーバーのログ (journalctl -u ssh、"
       "/var/log/auth.log) を確認し、ssh -G HOST で実際のクライアント設定を確認してください。"},
      {Msg::kNotRecognised, "not_recognised", "failure not recognised", "認識できない失敗"},
      {Msg::kAttempts, "attempts", "Attempts in this paste:", "貼り付けられた試行:"},
      {Msg::kAttempt, "attempt", "attempt ", "試行 "},
      {Msg::kOf, "of", " of ", " / "},
      {Msg::kLines, "lines", " (lines ", " (行 "},
      {Msg::kAttemptOk, "attempt_ok", "no problem found", "問題なし"},
      {Msg::kAttemptUnexplained, "attempt_unexplained", "failed, no signature explains it; it got as far as ",
       "失敗しましたが、説明できるシグネチャがありません。到達した段階: "},
      {Msg::kStatusOk, "status.ok", "no problem found", "問題なし"},
      {Msg::kStatusDiagnosed, "status.diagnosed", "diagnosed", "診断あり"},
      {Msg::kStatusUnrecognised, "status.unrecognised", "failure not recognised", "認識できない失敗"},
      {Msg::kStatusError, "status.error", "error", "エラー"},
      {Msg::kOutcomeSucceeded, "outcome.succeeded", "succeeded", "成功"},
      {Msg::kOutcomeRemoteCommandFailed, "outcome.remote-command-failed", "the remote command failed",
       "リモートコマンドが失敗"},
      {Msg::kOutcomeFailed, "outcome.failed", "failed", "失敗"},
      {Msg::kOutcomeIncomplete, "outcome.incomplete", "the log ends without a verdict", "結果のないままログが終わっています"},
      {Msg::kPhaseUnknown, "phase.unknown", "unknown", "不明"},
      {Msg::kPhaseConfig, "phase.config", "config", "設定"},
      {Msg::kPhaseResolve, "phase.resolve", "resolve", "名前解決"},
      {Msg::kPhaseConnect, "phase.connect", "connect", "接続"},
      {Msg::kPhaseBanner, "phase.banner", "banner", "バナー"},
      {Msg::kPhaseKex, "phase.kex", "kex", "鍵交換"},
      {Msg::kPhaseHostKey, "phase.hostkey", "hostkey", "ホスト鍵"},
      {Msg::kPhaseAuth, "phase.auth", "auth", "認証"},
      {Msg::kPhaseSession, "phase.session", "session", "セッション"},
      {Msg::kPhaseClosed, "phase.closed", "closed", "終了"},
      {Msg::kHowFar, "how_far", "How far it got:", "到達した段階:"},
      {Msg::kShowMechanism, "show.mechanism", "How it happens:", "仕組み:"},
      {Msg::kShowLookAlikes, "show.look_alikes", "Looks like:", "似た原因:"},
      {Msg::kShowReferences, "show.references", "References:", "参考:"},
      {Msg::kShowReleasesFrom, "show.releases_from", "from OpenSSH ", "OpenSSH "},
      {Msg::kShowReleasesUntil, "show.releases_until", "up to OpenSSH ", "OpenSSH "},
      {Msg::kShowPlatforms, "show.platforms", "for ", "対象: "},
      {Msg::kShowExplanation, "show.explanation", "What it says:", "説明:"},
      {Msg::kShowLinesOrdered, "show.lines_ordered", "Lines it needs (in this order):", "必要な行 (この順):"},
      {Msg::kShowLinesUnordered, "show.lines_unordered", "Lines it needs (in any order):", "必要な行 (順不同):"},
      {Msg::kShowAbsent, "show.absent", "Lines that must not appear:", "現れてはならない行:"},
      {Msg::kShowWhen, "show.when", "Only when:", "条件:"},
      {Msg::kShowSuppresses, "show.suppresses", "Stands in for:", "代わりに抑える:"},
      {Msg::kShowAlternatives, "show.alternatives", "Also possible:", "ほかに考えられる原因:"},
      {Msg::kShowExamplesMatch, "show.examples_match", "Proven on:", "一致する例:"},
      {Msg::kShowExamplesNoMatch, "show.examples_no_match", "Stays silent on:", "一致しない例:"},
      {Msg::kShowFile, "show.file", "Loaded from: ", "読み込み元: "},
      {Msg::kShowNoArticle, "show.no_article", "(no such article)", "(該当する記事がありません)"},
      {Msg::kInputReadError, "input.read_error", "read error", "読み込みエラー"},
      {Msg::kInputBinary, "input.binary", "binary data (NUL bytes), not a text log",
       "バイナリデータ (NUL バイトを含む) で、テキストのログではありません"},
      {Msg::kInputEmpty, "input.empty",
       "empty input: nothing to analyse. Without -v ssh prints nothing when it hangs or is stopped (Ctrl-C): rerun "
       "it with -v (better -vvv) and pipe its output with 2>&1: ssh -vvv HOST 2>&1 | sshdiag",
       "入力が空で、解析するものがありません。-v を付けないと、ssh は応答が止まったときや中断したとき (Ctrl-C) に"
       "何も出力しません。-v (できれば -vvv) を付けて再実行し、2>&1 で出力をパイプしてください: "
       "ssh -vvv HOST 2>&1 | sshdiag"},
      {Msg::kInputNotSsh, "input.not_ssh",
       "no SSH client output found: expected the output of ssh -v, -vv or -vvv (ssh writes it to standard error, "
       "so a pipe needs 2>&1: ssh -vvv HOST 2>&1 | sshdiag). Without -v ssh prints nothing when it hangs or is "
       "stopped (Ctrl-C), and git, rsync, scp or sftp then show only their own lines: rerun with -v "
       "(GIT_SSH_COMMAND='ssh -vvv', rsync -e 'ssh -vvv', scp -v, sftp -v)",
       "SSH クライアントの出力が見つかりません: ssh -v、-vv または -vvv の出力が必要です (ssh は標準エラー出力に"
       "書くので、パイプには 2>&1 が要ります: ssh -vvv HOST 2>&1 | sshdiag)。-v を付けないと、ssh は応答が"
       "止まったときや中断したとき (Ctrl-C) に何も出力せず、git、rsync、scp、sftp は自分の行しか表示しません。"
       "-v を付けて再実行してください (GIT_SSH_COMMAND='ssh -vvv'、rsync -e 'ssh -vvv'、scp -v、sftp -v)"},
      {Msg::kInputListenerOnly, "input.listener_only",
       "sshd's log holds no connection, only the listener's own lines (Server listening on ...): no client reached "
       "this sshd then, or the connection's lines are missing. journalctl -u ssh leaves out lines whose process "
       "ended before journald read them (refusals before login, nologin): journalctl -t sshd -t sshd-session -t "
       "sshd-auth lists them by name. The client's side tells what happened there: ssh -vvv HOST 2>&1 | sshdiag",
       "sshd のログに接続がなく、待ち受けの行 (Server listening on ...) しかありません: そのときこの sshd に"
       "届いたクライアントがなかったか、接続の行が欠けています。journalctl -u ssh は、journald が読む前に終了した"
       "プロセスの行 (ログイン前の拒否、nologin) を含めません。journalctl -t sshd -t sshd-session -t sshd-auth "
       "ならプログラム名で一覧できます。クライアント側で何が起きたかは次で分かります: ssh -vvv HOST 2>&1 | sshdiag"},
      {Msg::kInputCannotOpen, "input.cannot_open", "cannot open file", "ファイルを開けません"},
      // The same words as glibc's strerror in English: what a user searches for.
      {Msg::kInputIsDirectory, "input.is_directory", "Is a directory", "ディレクトリです"},
      {Msg::kInputNoSuchFile, "input.no_such_file", "No such file or directory", "ファイルまたはディレクトリがありません"},
      {Msg::kInputPermission, "input.permission", "Permission denied", "アクセス権がありません"},
      {Msg::kInputBatchReadsDirs, "input.batch_reads_dirs", " (--batch reads every log below a directory)",
       " (--batch ならディレクトリの下のログをすべて読みます)"},
      {Msg::kWarnLinesCut, "warning.lines_cut", "{1} line(s) longer than {2} bytes were cut to that length",
       "{2} バイトより長い {1} 行をその長さで切りました"},
      {Msg::kWarnNul, "warning.nul", "the input contains NUL bytes", "入力に NUL バイトが含まれています"},
      {Msg::kStandardInput, "standard_input", "standard input (the paste)", "標準入力 (貼り付けたログ)"},
      {Msg::kWarnUnlistedFailed, "warning.unlisted_failed",
       "{1} session(s) with a failure ({2} diagnosed, {3} unrecognised; {4}) were analysed but are not listed: at "
       "most {5} are listed; they count in the exit status",
       "失敗したセッション {1} 件 (診断あり {2} 件、認識できない失敗 {3} 件; {4}) は解析しましたが一覧にありません: "
       "一覧は最大 {5} 件です。終了ステータスには数えています"},
      {Msg::kWarnUnlistedOk, "warning.unlisted_ok",
       "{1} session(s) with no problem ({2}) were analysed but are not listed: at most {3} are listed",
       "問題のないセッション {1} 件 ({2}) は解析しましたが一覧にありません: 一覧は最大 {3} 件です"},
      {Msg::kWarnSessionOne, "warning.session_one", "session {1}", "セッション {1}"},
      {Msg::kWarnSessionRange, "warning.session_range", "sessions {1} to {2}", "セッション {1}〜{2}"},
      {Msg::kWarnSearchCut, "warning.search_cut",
       "session {1}: the evidence search for signature '{2}' stopped after {3} steps; it may have missed a match",
       "セッション {1}: シグネチャ '{2}' の根拠の探索を {3} ステップで打ち切りました。一致を見逃したかもしれません"},
      {Msg::kWarnMissingArticle, "warning.missing_article",
       "signature '{1}' ({2}) points to KB article '{3}', which is not loaded",
       "シグネチャ '{1}' ({2}) が指す KB 記事 '{3}' は読み込まれていません"},
      {Msg::kWarnInvalidUtf8, "warning.invalid_utf8", "bytes that are not valid UTF-8 were replaced by U+FFFD",
       "UTF-8 として正しくないバイトを U+FFFD に置き換えました"},
      {Msg::kPageTitle, "page.title", "sshdiag: why did ssh fail?", "sshdiag: ssh はなぜ失敗したか"},
      {Msg::kPageIntro, "page.intro",
       "Paste the output of ssh -vvv HOST (or -v) and read why the connection failed. The log goes only to the "
       "sshdiag program that serves this page; nothing is stored, and the page loads nothing from elsewhere.",
       "ssh -vvv HOST (または -v) の出力を貼り付けると、接続が失敗した理由が分かります。ログはこのページを配信して"
       "いる sshdiag にだけ送られ、どこにも保存されません。このページはほかの場所から何も読み込みません。"},
      {Msg::kPageLogLabel, "page.log_label", "ssh -v log", "ssh -v のログ"},
      {Msg::kPageDiagnose, "page.diagnose", "Diagnose", "診断する"},
      {Msg::kPageRedact, "page.redact", "Redact user and host names, addresses, keys (in the results and the Markdown)",
       "ユーザー名、ホスト名、アドレス、鍵を伏せる (結果と Markdown で)"},
      {Msg::kPageLanguage, "page.language", "Language", "言語"},
      {Msg::kPageCopyMarkdown, "page.copy_markdown", "Copy as Markdown", "Markdown としてコピー"},
      {Msg::kPageMarkdownHint, "page.markdown_hint", "the same text as sshdiag --format markdown, for a ticket",
       "sshdiag --format markdown と同じテキストです (チケット用)"},
      {Msg::kPageShowMarkdown, "page.show_markdown", "Show the Markdown", "Markdown を表示"},
      {Msg::kPageLogHeading, "page.log_heading", "The log", "ログ"},
      {Msg::kPageLogHint, "page.log_hint",
       "The lines the explanations rest on are highlighted; click a line number above to jump to it. This is your "
       "paste as you gave it (the redaction switch applies to the results and the Markdown).",
       "説明の根拠となる行を強調しています。上の行番号をクリックするとその行に移動します。これは貼り付けたままの"
       "ログです (伏せるスイッチは結果と Markdown にだけ効きます)。"},
      {Msg::kPageResultAria, "page.result_aria", "The diagnosis", "診断結果"},
      {Msg::kPageLogAria, "page.log_aria", "The log to diagnose", "診断するログ"},
      {Msg::kPageVerdictDiagnosed, "page.verdict.diagnosed", "Diagnosed: the connection failed, and this is why",
       "診断: 接続は失敗しました。理由は次のとおりです"},
      {Msg::kPageVerdictUnrecognised, "page.verdict.unrecognised", "A failure, but nothing sshdiag knows explains it",
       "失敗していますが、sshdiag が知っている原因では説明できません"},
      {Msg::kPageVerdictOk, "page.verdict.ok", "Nothing wrong found", "問題は見つかりませんでした"},
      {Msg::kPageVerdictError, "page.verdict.error", "The input could not be analysed", "入力を解析できませんでした"},
      {Msg::kPagePhasesAria, "page.phases_aria", "How far the connection got", "接続が到達した段階"},
      {Msg::kPageStoppedHere, "page.stopped_here", "stopped here", "ここで停止"},
      {Msg::kPageLogEndsHere, "page.log_ends_here", "the log ends here", "ログはここで終わり"},
      {Msg::kPageNotTold, "page.not_told", "the log does not tell", "ログからは分かりません"},
      {Msg::kPageStoppedBeforeResolve, "page.stopped_before_resolve", "It stopped before resolving the host name.",
       "ホスト名の名前解決より前に止まりました。"},
      {Msg::kPageCopy, "page.copy", "Copy", "コピー"},
      {Msg::kPageCopied, "page.copied", "Copied", "コピーしました"},
      {Msg::kPageCopyFailed, "page.copy_failed", "Copy failed: select the text", "コピーできません: テキストを選択してください"},
      {Msg::kPageWeakens, "page.weakens", "This weakens security: read the risk first.",
       "セキュリティを弱めます: 先にリスクを読んでください。"},
      {Msg::kPageAlternativeTo, "page.alternative_to", "an alternative to {1}", "{1} の代わりの候補"},
      {Msg::kPageLinesNotShown, "page.lines_not_shown", "… {1} lines not shown …", "… {1} 行を省略 …"},
      {Msg::kPagePasteFirst, "page.paste_first", "Paste a log first: the output of ssh -vvv HOST.",
       "先にログを貼り付けてください: ssh -vvv HOST の出力です。"},
      {Msg::kPageBusy, "page.busy", "Diagnosing…", "診断中…"},
      {Msg::kPageCouldNot, "page.could_not", "sshdiag could not diagnose this: ", "sshdiag はこれを診断できませんでした: "},
      {Msg::kPageTooLarge, "page.too_large",
       "the log is larger than {1} bytes, more than this page takes: diagnose it with the sshdiag command "
       "(sshdiag FILE)",
       "ログが {1} バイトを超えていて、このページでは扱えません: sshdiag コマンドで診断してください (sshdiag FILE)"},
      {Msg::kPageNoServer, "page.no_server", "no answer from sshdiag serve: is it still running?",
       "sshdiag serve から応答がありません: まだ動いていますか?"},
  };
  return kCatalogue;
}

const char* Say(Msg id, const std::string& lang) {
  const MessageEntry& e = MessageCatalogue()[static_cast<size_t>(id)];
  return lang == "ja" ? e.ja : e.en;
}

std::string SayWith(Msg id, const std::string& lang, const std::vector<std::string>& args) {
  // One pass over the catalogue's text: an argument that holds "{2}" is not read again.
  const std::string text = Say(id, lang);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
      const size_t n = static_cast<size_t>(text[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

const std::vector<std::string>& CatalogueLanguages() {
  static const std::vector<std::string> kLanguages = {"en", "ja"};
  return kLanguages;
}

bool IsCatalogueLanguage(const std::string& lang) {
  for (const auto& l : CatalogueLanguages()) {
    if (l == lang) return true;
  }
  return false;
}

}  // namespace sshdiag
